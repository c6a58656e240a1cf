package org.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperboy.feed.Period;

class EditionTest {
  private static Preferences at(Frequency f, int hour, String zone) {
    return new Preferences(
        f, hour, ZoneId.of(zone), EnumSet.of(Section.TRENDING), 10, true, List.of());
  }

  @Test
  void aDailyEditionIsDueFromTheReadersHourInTheirZoneAndCoversTheDayBefore() {
    Preferences tokyo = at(Frequency.DAILY, 8, "Asia/Tokyo");
    // 22:30 UTC on the 20th is 07:30 on the 21st in Tokyo: today's edition, not due yet.
    Instant before = Instant.parse("2026-08-20T22:30:00Z");
    assertThat(Edition.current(tokyo, before).key()).isEqualTo("daily/2026-08-21");
    assertThat(Edition.due(tokyo, before)).isFalse();
    Instant after = Instant.parse("2026-08-20T23:00:00Z");
    assertThat(Edition.due(tokyo, after)).isTrue();
    assertThat(Edition.current(tokyo, after).period())
        .isEqualTo(Period.day(LocalDate.of(2026, 8, 20)));
    assertThat(Edition.current(tokyo, after).coverage()).isEqualTo("Thursday 20 August 2026");
  }

  @Test
  void aWeeklyEditionIsDatedMondayCoversTheWeekBeforeAndStaysDueAllWeek() {
    Preferences weekly = at(Frequency.WEEKLY, 9, "UTC");
    Edition wed = Edition.current(weekly, Instant.parse("2026-08-19T06:00:00Z"));
    assertThat(wed.key()).isEqualTo("weekly/2026-08-17");
    assertThat(wed.period().first()).isEqualTo(LocalDate.of(2026, 8, 10));
    assertThat(wed.period().last()).isEqualTo(LocalDate.of(2026, 8, 16));
    assertThat(wed.weekly()).isTrue();
    // Missed on Monday (server down): still due on Wednesday, and the same edition.
    assertThat(Edition.due(weekly, Instant.parse("2026-08-19T06:00:00Z"))).isTrue();
    assertThat(Edition.due(weekly, Instant.parse("2026-08-17T08:59:00Z"))).isFalse();
  }

  @Test
  void preferencesAreValidatedAndTopicsRoundTrip() {
    Preferences p =
        new Preferences(
            Frequency.DAILY,
            8,
            ZoneId.of("UTC"),
            EnumSet.of(Section.TOPICS),
            5,
            false,
            Preferences.parseTopics("category:cs.CL\ndiffusion models\nexclude:survey\n\n"));
    assertThat(p.topicsText())
        .isEqualTo("category:cs.CL\nkeyword:diffusion models\nexclude:survey");
    assertThat(Preferences.parseTopics(p.topicsText())).isEqualTo(p.topics());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Preferences.parseTopics("category:not a category"))
        .isInstanceOf(DigestException.class)
        .hasMessageContaining("not an arXiv category");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Preferences.zone("Mars/Olympus"))
        .hasMessageContaining("unknown zone 'Mars/Olympus'");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new Preferences(
                    Frequency.DAILY,
                    8,
                    ZoneId.of("UTC"),
                    EnumSet.noneOf(Section.class),
                    5,
                    true,
                    List.of()))
        .hasMessageContaining("at least one section");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Frequency.parse("hourly"))
        .hasMessageContaining("expected daily or weekly");
  }
}
