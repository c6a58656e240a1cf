package org.paperboy.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperboy.library.LibraryFile;
import org.paperboy.paper.Paper;
import org.paperboy.paper.Source;

class CitationsTest {
  static Paper paper(String id, String title, String... authors) {
    return Paper.builder(id)
        .source(Source.OAI)
        .title(title)
        .abstractText("We study 50% of cases & more.")
        .authors(List.of(authors))
        .categories(List.of("cs.CL", "cs.LG"))
        .published(LocalDate.of(2017, 6, 12))
        .build();
  }

  @Test
  void bibtexCarriesArxivFieldsAndUniqueKeys() {
    Paper a = paper("1706.03762", "Attention Is All You Need", "Ashish Vaswani", "Noam Shazeer");
    Paper b = paper("1706.99999", "Attention Is Not All You Need", "Ashish Vaswani");
    Paper c = a.toBuilder().doi("10.5555/3295222").journalRef("NeurIPS 2017").build();
    String bib = BibTex.of(List.of(a, b, c));
    assertThat(bib)
        .contains("@misc{vaswani2017attention,")
        .contains("@misc{vaswani2017attentiona,")
        .contains("@article{vaswani2017attentionb,")
        .contains("  author = {Ashish Vaswani and Noam Shazeer},")
        .contains("  eprint = {1706.03762},")
        .contains("  archivePrefix = {arXiv},")
        .contains("  primaryClass = {cs.CL},")
        .contains("  doi = {10.5555/3295222},")
        .contains("  journal = {NeurIPS 2017},")
        .contains("  url = {https://arxiv.org/abs/1706.03762},")
        .contains("  abstract = {We study 50\\% of cases \\& more.}")
        .contains("  year = {2017},")
        .contains("  month = {jun}");
    assertThat(bib.chars().filter(ch -> ch == '{').count())
        .isEqualTo(bib.chars().filter(ch -> ch == '}').count());
  }

  @Test
  void escapingKeepsMathAndLatexAndNeutralisesTheRest() {
    assertThat(BibTex.escape("Q&A for 100% of #tags with snake_case"))
        .isEqualTo("Q\\&A for 100\\% of \\#tags with snake\\_case");
    // Balanced math is LaTeX already: kept as written, underscores and carets included.
    assertThat(BibTex.escape("Bounds for $x_i^2$ in $O(n)$ time"))
        .isEqualTo("Bounds for $x_i^2$ in $O(n)$ time");
    // Already escaped characters are not escaped twice; accents in LaTeX stay.
    assertThat(BibTex.escape("Caf\\'{e} \\& bar")).isEqualTo("Caf\\'{e} \\& bar");
    // An unbalanced brace or dollar cannot break the entry.
    assertThat(BibTex.escape("a } b { c")).isEqualTo("a \\} b \\{ c");
    assertThat(BibTex.escape("costs $5")).isEqualTo("costs \\$5");
    assertThat(BibTex.escape("~x^")).isEqualTo("\\textasciitilde{}x\\textasciicircum{}");
    assertThat(BibTex.escape("ends with \\")).isEqualTo("ends with \\textbackslash{}");
  }

  @Test
  void keysAreAsciiFromTheFirstAuthorsFamilyName() {
    assertThat(BibTex.key(paper("2401.00001", "Über große Modelle", "José García Núñez")))
        .isEqualTo("nunez2017uber");
    assertThat(BibTex.key(paper("2401.00001", "A b c"))).isEqualTo("anon2017");
  }

  @Test
  void risWritesOneTagPerLineAndFamilyFirstAuthors() {
    Paper a = paper("1706.03762", "Attention Is\nAll You Need", "Ashish Vaswani", "Noam Shazeer");
    String ris = Ris.of(List.of(a));
    assertThat(ris)
        .startsWith("TY  - GEN\r\n")
        .contains("TI  - Attention Is All You Need\r\n")
        .contains("AU  - Vaswani, Ashish\r\nAU  - Shazeer, Noam\r\n")
        .contains("PY  - 2017\r\n")
        .contains("AN  - arXiv:1706.03762\r\n")
        .contains("UR  - https://arxiv.org/abs/1706.03762\r\n")
        .contains("KW  - cs.CL\r\n")
        .endsWith("ER  - \r\n\r\n");
  }

  @Test
  void whatWeWriteReadsBackToTheSamePapers() {
    List<Paper> papers =
        List.of(
            paper("1706.03762", "Attention {Is} All $x_i$ You Need", "Ashish Vaswani"),
            paper("hep-th/9901001", "Strings & things", "Ed Witten"));
    for (String text : List.of(BibTex.of(papers), Ris.of(papers))) {
      LibraryFile.Parsed parsed = LibraryFile.parse(text);
      assertThat(parsed.errors()).isEmpty();
      assertThat(parsed.entries())
          .extracting(e -> e.arxivId().orElse("none"))
          .containsExactly("1706.03762", "hep-th/9901001");
    }
  }
}
