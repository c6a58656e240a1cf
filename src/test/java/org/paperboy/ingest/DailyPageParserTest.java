package org.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperboy.paper.Paper;
import org.paperboy.paper.Source;
import org.paperboy.testing.SharedData;

class DailyPageParserTest {
  private static final LocalDate AS_OF = LocalDate.of(2024, 12, 1);
  private final DailyPageParser parser = new DailyPageParser(AS_OF);

  private static final String HEADER =
      "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\n"
          + "byAK and the research community\n\nOct 29\n\n";

  private Parsed page(String name) throws IOException {
    return Parsed.file(parser, SharedData.path("pages").resolve(name));
  }

  @Test
  void readsEveryEntryOfTheThreeRealPages() throws IOException {
    // 47 entries on the first page: one of them has no footer at all (a real quirk).
    assertThat(page("000_d5463c8c89891d55.txt").papers()).hasSize(47);
    assertThat(page("002_281ab954dab8e6fc.txt").papers()).hasSize(57);
    assertThat(page("004_0376f94b53700cfd.txt").papers()).hasSize(54);
    for (String name :
        new String[] {
          "000_d5463c8c89891d55.txt", "002_281ab954dab8e6fc.txt", "004_0376f94b53700cfd.txt"
        }) {
      Parsed p = page(name);
      assertThat(p.rejections()).isEmpty();
      assertThat(p.papers())
          .allSatisfy(
              paper -> {
                assertThat(paper.title()).isNotBlank().doesNotStartWith("•");
                assertThat(paper.abstractText().length()).isGreaterThan(paper.title().length());
                assertThat(paper.authorCount()).isBetween(0, 9);
                assertThat(paper.upvotes()).isNotNull();
                assertThat(paper.provisional()).isTrue();
                assertThat(paper.sources()).containsExactly(Source.PAGE);
              });
    }
  }

  /**
   * Every entry of the three real pages against {@code golden/pages.tsv}, which an independent
   * script produced from the same files and which was checked by reading the pages.
   */
  @Test
  void everyRealEntryMatchesTheGoldenFile() throws IOException {
    List<String[]> golden = new ArrayList<>();
    try (var in = getClass().getResourceAsStream("/golden/pages.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.startsWith("#") && !line.isBlank()) {
          golden.add(line.split("\t"));
        }
      }
    }
    List<String[]> actual = new ArrayList<>();
    for (String name :
        List.of(
            "000_d5463c8c89891d55.txt", "002_281ab954dab8e6fc.txt", "004_0376f94b53700cfd.txt")) {
      for (Paper e : page(name).papers()) {
        actual.add(
            new String[] {
              name,
              e.title(),
              Integer.toString(e.authorCount()),
              e.published() == null ? "" : e.published().toString(),
              e.upvotes().toString(),
              Integer.toString(e.abstractText().length())
            });
      }
    }
    assertThat(actual).hasSameSizeAs(golden).hasSize(158);
    for (int i = 0; i < golden.size(); i++) {
      String[] g = golden.get(i).clone();
      g[3] = g[3].replace("capture-year", "2024"); // captured Oct 29 / Nov 21, as of 2024-12-01
      assertThat(actual.get(i)).as("entry %d of %s", i, g[0]).containsExactly(g);
    }
  }

  @Test
  void theRealEntryWithoutFooterHasNoCountDateOrVotesAndItsNeighboursKeepTheirs()
      throws IOException {
    Parsed p = page("000_d5463c8c89891d55.txt");
    assertThat(p.papers())
        .filteredOn(x -> x.published() == null)
        .extracting(Paper::title)
        .containsExactly("Optimized Minimal 4D Gaussian Splatting");
    Paper bare = p.byTitle("Optimized Minimal 4D Gaussian Splatting");
    assertThat(bare.authorCount()).isZero();
    assertThat(bare.abstractText()).startsWith("4D Gaussian Splatting has emerged");
    Paper next =
        p.byTitle(
            "First Light and Reionisation Epoch Simulations (FLARES) XVII: Learning the galaxy-halo"
                + " connection at high redshifts");
    assertThat(next.authorCount()).isEqualTo(9);
    assertThat(next.published()).isEqualTo(LocalDate.of(2024, 10, 31));
    assertThat(p.papers().stream().filter(x -> x.authorCount() > 0)).hasSize(46);
  }

  @Test
  void readsTitleAbstractAuthorsDateAndUpvotesOfRealEntries() throws IOException {
    Parsed p = page("002_281ab954dab8e6fc.txt");
    Paper loldu =
        p.byTitle(
            "LoLDU: Low-Rank Adaptation via Lower-Diag-Upper Decomposition for Parameter-Efficient"
                + " Fine-Tuning");
    assertThat(loldu.authorCount()).isEqualTo(7);
    assertThat(loldu.published()).isEqualTo(LocalDate.of(2024, 10, 17));
    assertThat(loldu.upvotes()).isEqualTo(2);
    assertThat(loldu.abstractText())
        .startsWith("The rapid growth of model scale")
        .endsWith("{https://github.com/SKDDJ/LoLDU}.");

    Paper relative =
        p.byTitle("Relative representations enable zero-shot latent space communication");
    assertThat(relative.authorCount()).isEqualTo(6);
    assertThat(relative.published()).isEqualTo(LocalDate.of(2022, 9, 30));
    assertThat(relative.upvotes()).isZero();
  }

  @Test
  void theSamePaperOnTwoPagesGetsTheSameProvisionalKey() throws IOException {
    String title = "Solving High Frequency and Multi-Scale PDEs with Gaussian Processes";
    Paper a = page("000_d5463c8c89891d55.txt").byTitle(title);
    Paper b = page("004_0376f94b53700cfd.txt").byTitle(title);
    assertThat(a.id()).isEqualTo(b.id()).startsWith(Paper.PROVISIONAL_PREFIX);
    assertThat(a.authorCount()).isEqualTo(6);
    assertThat(a.published()).isEqualTo(LocalDate.of(2023, 11, 8));
  }

  @Test
  void aDateWithoutAYearMeansTheCaptureYear() throws IOException {
    Parsed p =
        Parsed.text(
            parser, "x.txt", HEADER + "A title\n\nAn abstract.\n\n  • 2 authors\n·\nSep 9 4\n");
    assertThat(p.papers().get(0).published()).isEqualTo(LocalDate.of(2024, 9, 9));
    assertThat(p.papers().get(0).upvotes()).isEqualTo(4);
  }

  @Test
  void theCaptureDayIsTheLatestOneNotAfterAsOf() throws IOException {
    // Captured "Oct 29"; as-of 2025-03-01 means the capture was 2024-10-29, so "Sep 9" is 2024.
    DailyPageParser early = new DailyPageParser(LocalDate.of(2025, 3, 1));
    Parsed p =
        Parsed.text(
            early, "x.txt", HEADER + "A title\n\nAn abstract.\n\n  • 2 authors\n·\nSep 9\n");
    assertThat(p.papers().get(0).published()).isEqualTo(LocalDate.of(2024, 9, 9));
  }

  @Test
  void entriesWithoutFootersAreJustTitleAndAbstract() throws IOException {
    Parsed p =
        Parsed.text(
            parser,
            "x.txt",
            HEADER
                + "First: a title with a colon?\n\nFirst abstract with $\\sim$7 and \\textgreater.\n\n"
                + "Second title\n\nSecond abstract.\n\n");
    assertThat(p.rejections()).isEmpty();
    assertThat(p.papers()).hasSize(2);
    Paper first = p.papers().get(0);
    assertThat(first.title()).isEqualTo("First: a title with a colon?");
    assertThat(first.abstractText()).isEqualTo("First abstract with $\\sim$7 and \\textgreater.");
    assertThat(first.authorCount()).isZero();
    assertThat(first.published()).isNull();
    assertThat(first.upvotes()).isZero();
  }

  @Test
  void aMissingDailyPapersHeadingLineIsFine() throws IOException {
    String header = HEADER.replace("Daily Papers\n\n", "");
    Parsed p =
        Parsed.text(
            parser, "x.txt", header + "T\n\nAbstract text.\n\n  • 1 author\n·\nJan 2, 2020\n");
    assertThat(p.papers()).singleElement().satisfies(e -> assertThat(e.authorCount()).isEqualTo(1));
  }

  @Test
  void aTitleWithoutAbstractIsRejectedAndTheRestImported() throws IOException {
    Parsed p =
        Parsed.text(
            parser,
            "x.txt",
            HEADER
                + "Good\n\nGood abstract.\n\n  • 3 authors\n·\nMar 2, 2023\n\nOrphan title\n\n  • 2 authors\n·\nMar 3, 2023\n\nNext\n\nNext abstract.\n");
    assertThat(p.papers()).extracting(Paper::title).containsExactly("Good", "Next");
    assertThat(p.rejections())
        .singleElement()
        .asString()
        .contains("entry at line 21")
        .contains("no abstract");
  }

  @Test
  void anImpossibleDateRejectsTheEntry() throws IOException {
    Parsed p = Parsed.text(parser, "x.txt", HEADER + "T\n\nAbstract.\n\n·\nFeb 31, 2023\n");
    assertThat(p.papers()).isEmpty();
    assertThat(p.rejections())
        .singleElement()
        .asString()
        .contains("impossible date 'Feb 31, 2023'");
  }

  @Test
  void textThatIsNotUtf8FailsWithTheLine() {
    byte[] latin1 =
        (HEADER + "Caf\u00e9\n\nAbstract.\n")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThatThrownBy(
            () -> Parsed.stream(parser, new java.io.ByteArrayInputStream(latin1), "x.txt"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("not UTF-8");
  }

  @Test
  void yearResolutionNeverLandsAfterTheReference() {
    assertThat(
            DailyPageParser.latestOnOrBefore(
                java.time.Month.DECEMBER, 5, LocalDate.of(2024, 10, 29)))
        .isEqualTo(LocalDate.of(2023, 12, 5));
  }
}
