package org.paperboy.paper;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An arXiv identifier without its version, plus the version when the input named one.
 *
 * <p>Accepts the spellings found in the wild: {@code 2311.01234}, {@code arXiv:2311.01234v2},
 * {@code https://arxiv.org/abs/2311.01234v2}, {@code .../pdf/2311.01234v2.pdf}, {@code
 * oai:arXiv.org:hep-th/9901001} and old-style ids with a subject class ({@code math.GT/0309136}
 * becomes {@code math/0309136}, the canonical form).
 *
 * @param id the normalised key, e.g. {@code 2311.01234} or {@code hep-th/9901001}
 * @param version the version number, or 0 when the input named none
 */
public record ArxivId(String id, int version) {

  private static final Pattern NEW_STYLE =
      Pattern.compile("(?i)^(?:arxiv:)?(\\d{4}\\.\\d{4,5})(?:v(\\d+))?$");
  private static final Pattern OLD_STYLE =
      Pattern.compile("(?i)^(?:arxiv:)?([a-z][a-z-]*)(?:\\.[a-z]{2})?/(\\d{7})(?:v(\\d+))?$");
  private static final Pattern PREFIXES =
      Pattern.compile(
          "(?i)^(?:https?://(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf|html)/|oai:arxiv\\.org:)");

  /** Parses any accepted spelling; empty when the text is not an arXiv identifier. */
  public static Optional<ArxivId> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = PREFIXES.matcher(text.strip()).replaceFirst("");
    if (s.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
      s = s.substring(0, s.length() - 4);
    }
    Matcher m = NEW_STYLE.matcher(s);
    if (m.matches()) {
      return Optional.of(new ArxivId(m.group(1), versionOf(m.group(2))));
    }
    m = OLD_STYLE.matcher(s);
    if (m.matches()) {
      String archive = m.group(1).toLowerCase(java.util.Locale.ROOT);
      return Optional.of(new ArxivId(archive + "/" + m.group(2), versionOf(m.group(3))));
    }
    return Optional.empty();
  }

  private static int versionOf(String digits) {
    return digits == null ? 0 : Integer.parseInt(digits);
  }
}
