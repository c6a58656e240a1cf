package org.paperboy.library;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperboy.paper.ArxivId;

/**
 * A reader's reference library as a reference manager exports it (BibTeX {@code .bib} or RIS {@code
 * .ris}, e.g. from Zotero), read for the arXiv papers it holds. The format is recognised by
 * content. A record that cannot be read is reported with its number, line and what is wrong; the
 * caller imports nothing when any record is bad.
 */
public final class LibraryFile {
  private static final Pattern ARXIV_IN_TEXT =
      Pattern.compile(
          "(?i)arxiv[:\\s./]*(?:abs/)?(\\d{4}\\.\\d{4,5}(?:v\\d+)?|[a-z][a-z-]*(?:\\.[a-z]{2})?/\\d{7})");
  private static final Pattern ARXIV_DOI =
      Pattern.compile("(?i)10\\.48550/arxiv\\.(\\d{4}\\.\\d{4,5})");

  /** One record of the file: a label to report it by, and the arXiv paper it names, if any. */
  public record Entry(String label, Optional<String> arxivId) {}

  /** What the file holds: its records, and one line per record that could not be read. */
  public record Parsed(String format, List<Entry> entries, List<String> errors) {}

  private LibraryFile() {}

  public static Parsed parse(String text) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    for (String line : t.split("\\R", 50)) {
      if (line.startsWith("TY  -")) {
        return RisFile.parse(t);
      }
    }
    if (t.indexOf('@') >= 0) {
      return BibTexFile.parse(t);
    }
    return new Parsed(
        "unknown",
        List.of(),
        List.of("the file is neither BibTeX (@article{…}) nor RIS (TY  - …): nothing imported"));
  }

  /**
   * The first arXiv id named in any of {@code texts}: a bare id, an arXiv URL, DOI or "arXiv:…".
   */
  static Optional<String> arxivId(List<String> texts) {
    for (String t : texts) {
      Optional<ArxivId> direct = ArxivId.parse(t);
      if (direct.isPresent()) {
        return Optional.of(direct.get().id());
      }
      Matcher doi = ARXIV_DOI.matcher(t);
      if (doi.find()) {
        return ArxivId.parse(doi.group(1)).map(ArxivId::id);
      }
      Matcher m = ARXIV_IN_TEXT.matcher(t);
      if (m.find()) {
        Optional<ArxivId> found = ArxivId.parse(m.group(1));
        if (found.isPresent()) {
          return Optional.of(found.get().id());
        }
      }
    }
    return Optional.empty();
  }

  static int skipSpace(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  static String shorten(String s) {
    String t = s.strip().replaceAll("\\s+", " ");
    return t.length() > 60 ? t.substring(0, 60) + "…" : t;
  }
}
