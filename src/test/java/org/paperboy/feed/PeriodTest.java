package org.paperboy.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {
  @Test
  void parsesDaysIsoWeeksAndMonths() {
    Period w = Period.parse(Period.Kind.WEEK, "2026-W34");
    assertThat(w.first()).isEqualTo(LocalDate.of(2026, 8, 17));
    assertThat(w.last()).isEqualTo(LocalDate.of(2026, 8, 23));
    assertThat(w.key()).isEqualTo("2026-W34");
    assertThat(w.path()).isEqualTo("/papers/week/2026-W34");
    // ISO week 1 of 2027 starts on Monday 2027-01-04; 2026-W53 exists (2026 starts on Thursday).
    assertThat(Period.parse(Period.Kind.WEEK, "2026-W53").last())
        .isEqualTo(LocalDate.of(2027, 1, 3));
    assertThat(Period.week(LocalDate.of(2027, 1, 1)).key()).isEqualTo("2026-W53");
    Period m = Period.parse(Period.Kind.MONTH, "2024-02");
    assertThat(m.last()).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(m.previous().key()).isEqualTo("2024-01");
    assertThat(m.next().key()).isEqualTo("2024-03");
    assertThat(Period.parse(Period.Kind.DAY, "2026-08-21").path())
        .isEqualTo("/papers/date/2026-08-21");
    assertThat(Period.day(LocalDate.of(2026, 1, 1)).previous().key()).isEqualTo("2025-12-31");
  }

  @Test
  void rejectsMalformedPeriodsWithAReason() {
    assertThatThrownBy(() -> Period.parse(Period.Kind.WEEK, "2025-W53"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no week 53");
    assertThatThrownBy(() -> Period.parse(Period.Kind.WEEK, "2026-W00"))
        .hasMessageContaining("no week 0");
    assertThatThrownBy(() -> Period.parse(Period.Kind.WEEK, "34")).hasMessageContaining("YYYY-Www");
    assertThatThrownBy(() -> Period.parse(Period.Kind.DAY, "2026-02-30"))
        .hasMessageContaining("YYYY-MM-DD");
    assertThatThrownBy(() -> Period.parse(Period.Kind.MONTH, "2026-13"))
        .hasMessageContaining("YYYY-MM");
    assertThatThrownBy(() -> Period.parse(Period.Kind.DAY, "0001-01-01"))
        .hasMessageContaining("out of range");
  }
}
