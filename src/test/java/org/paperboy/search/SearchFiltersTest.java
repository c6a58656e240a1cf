package org.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchFiltersTest {

  @Test
  void fieldsNarrowTheTypedQueryWithoutTouchingItsText() {
    UserQuery typed = UserQuery.parse("\"graph neural\" cat:cs.LG from:2020-01-01 author:smith");
    SearchFilters f = new SearchFilters(List.of("cs.CL"), null, LocalDate.parse("2021-06-30"));
    UserQuery q = f.applyTo(typed);
    assertThat(q.phrases()).containsExactly("graph neural");
    assertThat(q.authors()).containsExactly("smith");
    assertThat(q.categories()).containsExactly("cs.LG", "cs.CL");
    assertThat(q.publishedFrom()).isEqualTo(LocalDate.parse("2020-01-01")); // kept: no field
    assertThat(q.publishedTo()).isEqualTo(LocalDate.parse("2021-06-30"));
  }

  @Test
  void aFieldDateReplacesTheTypedOneAndNoFiltersChangeNothing() {
    UserQuery typed = UserQuery.parse("transformers from:2019-01-01");
    UserQuery q = new SearchFilters(List.of(), LocalDate.parse("2022-01-01"), null).applyTo(typed);
    assertThat(q.publishedFrom()).isEqualTo(LocalDate.parse("2022-01-01"));
    assertThat(q.words()).containsExactly("transformers");
    assertThat(SearchFilters.NONE.applyTo(typed)).isSameAs(typed);
    assertThat(SearchFilters.NONE.isEmpty()).isTrue();
  }
}
