package org.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetsTest {
  private static String highlight(String query, String text) {
    return Snippets.of(UserQuery.parse(query)).highlight(text);
  }

  @Test
  void marksStemmedWordsInTheBestSentencesInTextOrder() {
    String text =
        "We study robots. Diffusion models are strong. Nothing here matters. "
            + "A diffusion model for video generation is proposed.";
    assertThat(highlight("diffusion models video", text))
        .isEqualTo(
            "<mark>Diffusion</mark> <mark>models</mark> are strong. … A <mark>diffusion</mark>"
                + " <mark>model</mark> for <mark>video</mark> generation is proposed.");
  }

  @Test
  void quotedPhrasesAreMarkedOnlyWhereTheWholePhraseOccurs() {
    String text = "Neural methods abound. We train a neural network on graphs.";
    assertThat(highlight("\"neural network\"", text))
        .isEqualTo("We train a <mark>neural</mark> <mark>network</mark> on graphs.");
  }

  @Test
  void escapesHtmlInTheAbstract() {
    assertThat(highlight("attention", "Attention <b>is</b> \"all\" you need & more."))
        .isEqualTo(
            "<mark>Attention</mark> &lt;b&gt;is&lt;/b&gt; &quot;all&quot; you need &amp; more.");
  }

  @Test
  void abbreviationsDoNotEndASentence() {
    String text = "Many tasks, e.g. parsing, benefit. Parsing is hard. Other things.";
    assertThat(highlight("benefit", text))
        .isEqualTo("Many tasks, e.g. parsing, <mark>benefit</mark>.");
  }

  @Test
  void aLongSentenceIsCutToAWindowAroundItsMatches() {
    String text = "word ".repeat(200) + "transformer " + "word ".repeat(200) + "end.";
    String snippet = highlight("transformer", text);
    assertThat(snippet)
        .startsWith("… word")
        .endsWith("word …")
        .contains("<mark>transformer</mark>");
    assertThat(snippet.length()).isLessThan(Snippets.MAX_PASSAGE + 40);
  }

  @Test
  void withoutAMatchTheOpeningOfTheAbstractIsShown() {
    assertThat(highlight("quantum", "Graph networks <for> molecules."))
        .isEqualTo("Graph networks &lt;for&gt; molecules.");
  }

  @Test
  void aQueryWithoutWordsMakesNoHighlighter() {
    assertThat(Snippets.of(UserQuery.parse("cat:cs.CL author:smith"))).isNull();
    assertThat(Snippets.of(UserQuery.parse("the of and"))).isNull();
  }
}
