package org.paperboy.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaperMergerTest {

  private static Paper arxiv(Source source, String title, LocalDate newest, String abs) {
    return Paper.builder("2401.00001")
        .source(source)
        .title(title)
        .abstractText(abs)
        .authors(List.of("A. One", "B. Two"))
        .categories(List.of("cs.LG"))
        .versions(List.of(new PaperVersion(1, LocalDate.of(2024, 1, 1))))
        .published(LocalDate.of(2024, 1, 1))
        .updated(newest)
        .build();
  }

  @Test
  void theNewestVersionsTitleWinsWhateverTheOrder() {
    Paper v1 = arxiv(Source.OAI, "Old title", LocalDate.of(2024, 1, 1), "short");
    Paper v2 = arxiv(Source.KAGGLE, "New title", LocalDate.of(2024, 3, 1), "short");
    assertThat(PaperMerger.merge(v1, v2).title()).isEqualTo("New title");
    assertThat(PaperMerger.merge(v2, v1).title()).isEqualTo("New title");
  }

  @Test
  void sameVersionDateGoesToTheHigherRankedSource() {
    Paper hf = arxiv(Source.HF, "HF spelling", LocalDate.of(2024, 1, 1), "x");
    Paper oai = arxiv(Source.OAI, "OAI spelling", LocalDate.of(2024, 1, 1), "x");
    assertThat(PaperMerger.merge(hf, oai).title()).isEqualTo("OAI spelling");
    assertThat(PaperMerger.merge(oai, hf).title()).isEqualTo("OAI spelling");
  }

  @Test
  void keepsLongestAbstractHighestUpvotesUnionOfSourcesAndEarliestDay() {
    Paper a =
        arxiv(Source.OAI, "T", LocalDate.of(2024, 1, 1), "a much longer abstract text").toBuilder()
            .build();
    Paper hf1 =
        arxiv(Source.HF, "T", LocalDate.of(2024, 1, 1), "short").toBuilder()
            .upvotes(5)
            .numComments(1)
            .dailyDate(LocalDate.of(2024, 1, 3))
            .codeUrl("https://github.com/old")
            .githubStars(40)
            .organization(new Organization("old-lab", null, null))
            .build();
    Paper hf2 =
        hf1.toBuilder()
            .upvotes(9)
            .dailyDate(LocalDate.of(2024, 1, 2))
            .codeUrl("https://github.com/new")
            .githubStars(12) // the newer snapshot's count wins even when lower (a new repository)
            .organization(new Organization("new-lab", "New Lab", "https://example.org/a.png"))
            .build();
    Paper merged = PaperMerger.merge(PaperMerger.merge(a, hf2), hf1);
    assertThat(merged.abstractText()).isEqualTo("a much longer abstract text");
    assertThat(merged.upvotes()).isEqualTo(9);
    assertThat(merged.codeUrl()).isEqualTo("https://github.com/new");
    assertThat(merged.githubStars()).isEqualTo(12);
    assertThat(merged.organization().name()).isEqualTo("new-lab");
    // A record without Hugging Face fields (arXiv) keeps what Hugging Face said.
    assertThat(PaperMerger.merge(hf2, a).organization().fullname()).isEqualTo("New Lab");
    assertThat(merged.dailyDate()).isEqualTo(LocalDate.of(2024, 1, 2));
    assertThat(merged.sources()).containsExactly(Source.HF, Source.OAI);
  }

  @Test
  void mergingARecordAlreadyFoldedInChangesNothing() {
    Paper a = arxiv(Source.OAI, "T", LocalDate.of(2024, 1, 1), "abstract");
    Paper b = arxiv(Source.HF, "T", LocalDate.of(2024, 1, 1), "abs").toBuilder().upvotes(3).build();
    Paper once = PaperMerger.merge(a, b);
    assertThat(PaperMerger.merge(once, b)).isEqualTo(once);
    assertThat(PaperMerger.merge(once, a)).isEqualTo(once);
  }

  @Test
  void anArxivRecordGivesAProvisionalPaperItsId() {
    Paper page =
        Paper.builder(Paper.provisionalId("t"))
            .source(Source.PAGE)
            .title("T")
            .abstractText("abstract")
            .authorCount(2)
            .upvotes(4)
            .build();
    Paper merged = PaperMerger.merge(page, arxiv(Source.OAI, "T", null, "abs"));
    assertThat(merged.id()).isEqualTo("2401.00001");
    assertThat(merged.upvotes()).isEqualTo(4);
    assertThat(merged.authorCount()).isEqualTo(2);
  }

  @Test
  void aDeletionSticksUntilANewerVersionArrives() {
    Paper live = arxiv(Source.OAI, "T", LocalDate.of(2024, 1, 1), "abs");
    Paper tombstone =
        Paper.builder("2401.00001")
            .source(Source.OAI)
            .authority(Paper.authority(null, Source.OAI))
            .deletedOn(LocalDate.of(2024, 6, 1))
            .build();
    Paper deleted = PaperMerger.merge(live, tombstone);
    assertThat(deleted.deleted()).isTrue();
    assertThat(deleted.title()).isEqualTo("T");
    assertThat(PaperMerger.merge(deleted, live).deleted()).isTrue();
    Paper v2 = arxiv(Source.OAI, "T2", LocalDate.of(2024, 7, 1), "abs");
    assertThat(PaperMerger.merge(deleted, v2).deleted()).isFalse();
  }
}
