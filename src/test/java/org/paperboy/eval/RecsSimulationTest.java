package org.paperboy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperboy.ingest.KaggleSnapshotParser;
import org.paperboy.ingest.RecordSink;
import org.paperboy.paper.Paper;
import org.paperboy.testing.SharedData;

/** The simulated readers of {@code eval-recs}, built from the real Kaggle-format listings. */
class RecsSimulationTest {
  private static List<Paper> papers;
  private static final Map<String, Paper> BY_ID = new HashMap<>();

  @BeforeAll
  static void load() throws Exception {
    Path file = SharedData.path("arxiv-kaggle-format/arxiv-listings-2025-03_2026-07.jsonl.gz");
    List<Paper> out = new ArrayList<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      new KaggleSnapshotParser()
          .parse(
              in,
              file.getFileName().toString(),
              new RecordSink() {
                @Override
                public void accept(Paper paper) {
                  out.add(paper);
                }

                @Override
                public void reject(String where, String reason) {}
              });
    }
    papers = out;
    out.forEach(p -> BY_ID.put(p.id(), p));
  }

  @Test
  void readersUpvoteTheirCategoriesInTheMonthBeforeAWeekWithALowBaseRate() {
    List<RecsSimulation.Reader> readers = RecsSimulation.readers(papers, 3, 4, 2, 42);
    assertThat(readers).hasSizeGreaterThanOrEqualTo(9);
    for (RecsSimulation.Reader r : readers) {
      assertThat(r.monday().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
      assertThat(r.upvoted()).hasSizeBetween(20, 30).doesNotHaveDuplicates();
      for (String id : r.upvoted()) {
        Paper p = BY_ID.get(id);
        assertThat(p.published()).isBetween(r.monday().minusDays(30), r.monday().minusDays(1));
        assertThat(p.categories()).containsAnyElementsOf(r.categories());
      }
      assertThat(r.week()).containsAll(r.relevant());
      for (String id : r.week()) {
        Paper p = BY_ID.get(id);
        assertThat(p.published()).isBetween(r.monday(), r.monday().plusDays(6));
        boolean inCategories = p.categories().stream().anyMatch(r.categories()::contains);
        assertThat(r.relevant().contains(id)).as(id).isEqualTo(inCategories);
      }
      assertThat(r.baseRate()).isPositive().isLessThanOrEqualTo(RecsSimulation.MAX_BASE);
    }
  }

  @Test
  void theSameSeedGivesTheSameReadersAndAnotherSeedOtherUpvotes() {
    List<RecsSimulation.Reader> a = RecsSimulation.readers(papers, 2, 3, 1, 7);
    assertThat(RecsSimulation.readers(papers, 2, 3, 1, 7)).isEqualTo(a);
    List<RecsSimulation.Reader> b = RecsSimulation.readers(papers, 2, 3, 1, 8);
    assertThat(b.stream().map(RecsSimulation.Reader::name).toList())
        .isEqualTo(a.stream().map(RecsSimulation.Reader::name).toList());
    assertThat(b.stream().map(RecsSimulation.Reader::upvoted).toList())
        .isNotEqualTo(a.stream().map(RecsSimulation.Reader::upvoted).toList());
  }

  @Test
  void listingsTooShortForAMonthOfHistoryAreRefused() {
    assertThatThrownBy(() -> RecsSimulation.readers(List.of(), 1, 1, 0, 1))
        .hasMessageContaining("no papers with a publication day");
    List<Paper> oneWeek =
        papers.stream()
            .filter(p -> p.published() != null)
            .filter(p -> p.published().isBefore(papers.get(0).published().plusDays(7)))
            .filter(p -> !p.published().isBefore(papers.get(0).published()))
            .toList();
    assertThatThrownBy(() -> RecsSimulation.readers(oneWeek, 1, 1, 0, 1))
        .hasMessageContaining("at least 37 days");
  }
}
