package org.paperboy.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.paper.Paper;

class ArxivEvalSetsTest {
  private static Paper paper(String id, String category, String... authors) {
    return Paper.builder(id)
        .title("Title of " + id)
        .abstractText("Abstract of " + id + ".")
        .authors(List.of(authors))
        .categories(List.of(category, "cs.LG"))
        .build();
  }

  private static final List<Paper> PAPERS =
      List.of(
          paper("2501.00001", "cs.CL", "Ana Müller", "Bo Chen"),
          paper("2501.00002", "cs.CL", "Ana Muller", "Bo Chen", "Cy Dee"),
          paper("2501.00003", "cs.CL", "Bo  Chen"),
          paper("2501.00004", "cs.CL", "Ed Fox"),
          paper("2501.00005", "cs.CL", "Consortium"),
          paper("2501.00006", "cs.CL", "Consortium"),
          paper("2501.00007", "cs.CV", "Ana Müller", "Bo Chen"));

  @Test
  void titleQueriesFindTheirOwnAbstractAmongPapersOfTheCategory() {
    BeirDataset set = ArxivEvalSets.titles(PAPERS, "cs.CL", 100, 3, 7);
    assertThat(set.corpus()).hasSize(6); // the cs.CV paper is not drawn
    assertThat(set.corpus()).allSatisfy(d -> assertThat(d.title()).isEmpty());
    assertThat(set.queries()).hasSize(3);
    set.queries()
        .forEach(
            (id, text) -> {
              assertThat(text).isEqualTo("Title of " + id);
              assertThat(set.qrels().get(id)).isEqualTo(Map.of(id, 1));
            });
    // Seeded: the same input and seed give the same set, another seed another order.
    assertThat(ArxivEvalSets.titles(PAPERS, "cs.CL", 100, 3, 7).queries().keySet())
        .containsExactlyElementsOf(set.queries().keySet());
  }

  @Test
  void similarPapersAreGradedBySharedAuthorsAndNeverIncludeThePaper() {
    BeirDataset set = ArxivEvalSets.similar(PAPERS, "cs.CL", 100, 10, 2, 1, 1);
    // 00001 shares Ana Müller (accents and case aside) and Bo Chen with 00002 and Bo Chen with
    // 00003; "Consortium" (one word) joins nothing; 00004 has nobody.
    assertThat(set.qrels().get("2501.00001")).isEqualTo(Map.of("2501.00002", 2, "2501.00003", 1));
    assertThat(set.qrels().get("2501.00002")).isEqualTo(Map.of("2501.00001", 2, "2501.00003", 1));
    assertThat(set.qrels().get("2501.00003")).isEqualTo(Map.of("2501.00001", 1, "2501.00002", 1));
    assertThat(set.qrels()).containsOnlyKeys("2501.00001", "2501.00002", "2501.00003");
    // Two shared authors needed: only 00001 and 00002 relate, to each other, and one related
    // paper is then enough for a query.
    BeirDataset strict = ArxivEvalSets.similar(PAPERS, "cs.CL", 100, 10, 1, 2, 1);
    assertThat(strict.qrels())
        .isEqualTo(
            Map.of("2501.00001", Map.of("2501.00002", 1), "2501.00002", Map.of("2501.00001", 1)));
    assertThat(ArxivEvalSets.authorKey("Bo  Chen")).isEqualTo("bo chen");
    assertThat(ArxivEvalSets.authorKey("J. Smith")).isEqualTo("j smith");
    assertThat(ArxivEvalSets.authorKey("Consortium")).isNull();
  }

  @Test
  void aWrittenSetLoadsBackUnchanged(@TempDir Path dir) throws Exception {
    BeirDataset set = ArxivEvalSets.similar(PAPERS, "cs.CL", 100, 10, 1, 1, 1);
    set.write(dir, "test");
    BeirDataset back = BeirDataset.load(dir, "test");
    assertThat(back.qrels()).isEqualTo(set.qrels());
    assertThat(back.queries()).isEqualTo(set.queries());
    assertThat(back.corpus()).containsExactlyInAnyOrderElementsOf(set.corpus());
  }
}
