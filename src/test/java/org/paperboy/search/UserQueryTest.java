package org.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UserQueryTest {

  @Test
  void splitsWordsPhrasesAndFields() {
    UserQuery q =
        UserQuery.parse(
            "diffusion \"score matching\" author:\"Yang Song\" cat:cs.LG year:2020-2023 models");
    assertThat(q.words()).containsExactly("diffusion", "models");
    assertThat(q.phrases()).containsExactly("score matching");
    assertThat(q.authors()).containsExactly("Yang Song");
    assertThat(q.categories()).containsExactly("cs.LG");
    assertThat(q.publishedFrom()).isEqualTo(java.time.LocalDate.of(2020, 1, 1));
    assertThat(q.publishedTo()).isEqualTo(java.time.LocalDate.of(2023, 12, 31));
    assertThat(q.notices()).isEmpty();
    assertThat(q.freeText()).isEqualTo("diffusion models score matching");
  }

  @Test
  void malformedInputNeverThrowsAndSaysWhatWasIgnored() {
    UserQuery q = UserQuery.parse("\"unterminated phrase year:soon author: cat:");
    assertThat(q.phrases()).containsExactly("unterminated phrase year:soon author: cat:");
    UserQuery bad = UserQuery.parse("transformers year:soon author: AND OR (((");
    assertThat(bad.words()).containsExactly("transformers", "AND", "OR", "(((");
    assertThat(bad.notices())
        .containsExactly(
            "ignored year:soon (use year:2024 or year:2020-2024)", "ignored author: with no value");
    assertThat(UserQuery.parse("year:2030-2020").notices()).hasSize(1);
    assertThat(UserQuery.parse("").hasText()).isFalse();
    assertThat(UserQuery.parse(null).words()).isEqualTo(List.of());
  }

  @Test
  void openYearRanges() {
    UserQuery q = UserQuery.parse("year:2021-");
    assertThat(q.publishedFrom()).isEqualTo(java.time.LocalDate.of(2021, 1, 1));
    assertThat(q.publishedTo()).isEqualTo(java.time.LocalDate.of(2999, 12, 31));
  }
}
