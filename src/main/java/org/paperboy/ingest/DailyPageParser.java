package org.paperboy.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperboy.paper.CleanText;
import org.paperboy.paper.Paper;
import org.paperboy.paper.Source;

/**
 * The text of a captured Hugging Face "Daily Papers" results page (format in {@code
 * shared/data/README.md}): a header ending in the capture day ("Oct 29", no year), then entries of
 * title, abstract and an optional footer ("• 6 authors", "·", "Nov 8, 2023 12").
 *
 * <p>Quirks handled: footers missing on some or all entries; dates without a year, which mean the
 * capture year (the capture day's year comes from {@code asOf}: the latest such day not after it);
 * upvotes printed only when non-zero (absent means 0).
 */
final class DailyPageParser implements PaperParser {
  private static final Set<String> HEADER_LINES =
      Set.of(
          "new",
          "Get trending papers in your email inbox!",
          "Subscribe",
          "Daily Papers",
          "byAK and the research community");
  private static final String MONTHS = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
  private static final Pattern CAPTURE_DAY = Pattern.compile("^" + MONTHS + " (\\d{1,2})$");
  private static final Pattern DATE_LINE =
      Pattern.compile("^" + MONTHS + " (\\d{1,2})(?:, (\\d{4}))?(?: (\\d+))?$");
  private static final Pattern AUTHORS_LINE = Pattern.compile("^•\\s*(\\d+) authors?$");
  private static final String DOT_LINE = "·";

  private final LocalDate asOf;

  DailyPageParser(LocalDate asOf) {
    this.asOf = asOf;
  }

  /** A non-blank line and its 1-based number. */
  private record Line(int number, String text) {}

  @Override
  public void parse(InputStream in, String fileName, RecordSink sink) throws IOException {
    List<Line> lines = readLines(in);
    int i = 0;
    LocalDate captureDay = null;
    while (i < lines.size() && HEADER_LINES.contains(lines.get(i).text())) {
      i++;
    }
    if (i < lines.size()) {
      Matcher m = CAPTURE_DAY.matcher(lines.get(i).text());
      if (m.matches()) {
        captureDay = latestOnOrBefore(month(m.group(1)), Integer.parseInt(m.group(2)), asOf);
        i++;
      }
    }
    LocalDate yearOf = captureDay != null ? captureDay : asOf;
    while (i < lines.size()) {
      Line title = lines.get(i++);
      if (isFooter(title.text())) {
        sink.reject("line " + title.number(), "footer line without a title and abstract before it");
        continue;
      }
      if (i >= lines.size() || isFooter(lines.get(i).text())) {
        sink.reject(
            "entry at line " + title.number(), "title '" + title.text() + "' has no abstract");
        while (i < lines.size() && isFooter(lines.get(i).text())) {
          i++;
        }
        continue;
      }
      Line abstractLine = lines.get(i++);
      Integer authorCount = null;
      LocalDate published = null;
      int upvotes = 0;
      String problem = null;
      while (i < lines.size() && isFooter(lines.get(i).text())) {
        String t = lines.get(i++).text();
        Matcher a = AUTHORS_LINE.matcher(t);
        Matcher d = DATE_LINE.matcher(t);
        if (a.matches()) {
          authorCount = Integer.parseInt(a.group(1));
        } else if (d.matches()) {
          try {
            published = dateOf(d, yearOf);
          } catch (DateTimeException e) {
            problem = "impossible date '" + t + "'";
          }
          upvotes = d.group(4) == null ? 0 : Integer.parseInt(d.group(4));
        }
      }
      if (problem != null) {
        sink.reject("entry at line " + title.number(), problem);
        continue;
      }
      String key = CleanText.titleKey(title.text());
      if (key.isEmpty()) {
        sink.reject("entry at line " + title.number(), "title has no letters or digits");
        continue;
      }
      sink.accept(
          Paper.builder(Paper.provisionalId(key))
              .source(Source.PAGE)
              .title(title.text())
              .abstractText(abstractLine.text())
              .authorCount(authorCount == null ? 0 : authorCount)
              .published(published)
              .updated(published)
              .upvotes(upvotes)
              .build());
    }
  }

  private static List<Line> readLines(InputStream in) throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    List<Line> out = new ArrayList<>();
    int n = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, decoder))) {
      String line;
      while ((line = r.readLine()) != null) {
        n++;
        String t = line.strip();
        if (!t.isEmpty()) {
          out.add(new Line(n, t));
        }
      }
    } catch (CharacterCodingException e) {
      throw new BadInputException("not UTF-8 text near line " + (n + 1), e);
    }
    return out;
  }

  private static boolean isFooter(String t) {
    return DOT_LINE.equals(t)
        || AUTHORS_LINE.matcher(t).matches()
        || DATE_LINE.matcher(t).matches();
  }

  private static LocalDate dateOf(Matcher d, LocalDate captureDay) {
    Month month = month(d.group(1));
    int day = Integer.parseInt(d.group(2));
    if (d.group(3) != null) {
      return LocalDate.of(Integer.parseInt(d.group(3)), month, day);
    }
    return latestOnOrBefore(month, day, captureDay);
  }

  /** The latest {@code month day} not after {@code reference} (this year's, else last year's). */
  static LocalDate latestOnOrBefore(Month month, int day, LocalDate reference) {
    LocalDate candidate = LocalDate.of(reference.getYear(), month, day);
    return candidate.isAfter(reference)
        ? LocalDate.of(reference.getYear() - 1, month, day)
        : candidate;
  }

  private static Month month(String abbreviation) {
    for (Month m : Month.values()) {
      if (m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equals(abbreviation)) {
        return m;
      }
    }
    throw new IllegalArgumentException(abbreviation);
  }
}
