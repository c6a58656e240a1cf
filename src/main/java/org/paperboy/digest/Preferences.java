package org.paperboy.digest;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.paperboy.foryou.Topic;

/**
 * What a subscriber chose: how often and when, which sections, how many papers per section, whether
 * to skip editions with nothing new, and the topics the topic section follows (account holders' own
 * topics are added to these).
 */
public record Preferences(
    Frequency frequency,
    int sendHour,
    ZoneId zone,
    Set<Section> sections,
    int maxPerSection,
    boolean skipEmpty,
    List<Topic> topics) {
  public static final int MAX_PAPERS = 50;
  public static final int MAX_TOPICS = 20;

  public Preferences {
    if (frequency == null || zone == null) {
      throw new DigestException("frequency and time zone are required");
    }
    if (sendHour < 0 || sendHour > 23) {
      throw new DigestException("hour: must be between 0 and 23, was " + sendHour);
    }
    if (sections == null || sections.isEmpty()) {
      throw new DigestException("sections: choose at least one section");
    }
    if (maxPerSection < 1 || maxPerSection > MAX_PAPERS) {
      throw new DigestException(
          "papers per section: must be between 1 and " + MAX_PAPERS + ", was " + maxPerSection);
    }
    if (topics.size() > MAX_TOPICS) {
      throw new DigestException("topics: at most " + MAX_TOPICS + " topics");
    }
    sections = Set.copyOf(EnumSet.copyOf(sections));
    topics = List.copyOf(topics);
  }

  /** Daily at 08:00 UTC, trending and for-you, 10 papers each, skipping empty editions. */
  public static Preferences defaults() {
    return new Preferences(
        Frequency.DAILY,
        8,
        ZoneId.of("UTC"),
        EnumSet.of(Section.TRENDING, Section.FOR_YOU, Section.AUTHORS, Section.TOPICS),
        10,
        true,
        List.of());
  }

  public Preferences withFrequency(Frequency f) {
    return new Preferences(f, sendHour, zone, sections, maxPerSection, skipEmpty, topics);
  }

  public static ZoneId zone(String text) {
    try {
      return ZoneId.of(text == null ? "" : text.strip());
    } catch (DateTimeException e) {
      throw new DigestException(
          "time zone: unknown zone '"
              + text
              + "' (examples: UTC, Europe/Berlin, America/New_York)");
    }
  }

  /** Topics stored one per line as {@code kind:value}. */
  public String topicsText() {
    List<String> lines = new ArrayList<>();
    for (Topic t : topics) {
      lines.add(t.kind().key() + ":" + t.value());
    }
    return String.join("\n", lines);
  }

  /** Parses {@link #topicsText()}; also what the preferences form sends, one topic per line. */
  public static List<Topic> parseTopics(String text) {
    List<Topic> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      Topic t;
      try {
        t =
            colon < 0
                ? Topic.of(Topic.Kind.KEYWORD, line)
                : Topic.of(Topic.Kind.parse(line.substring(0, colon)), line.substring(colon + 1));
      } catch (IllegalArgumentException e) {
        throw new DigestException("topic '" + line + "': " + e.getMessage());
      }
      if (!out.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }
}
