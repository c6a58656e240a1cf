package org.paperboy.web;

import java.util.Optional;
import java.util.regex.Pattern;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Paper;

/** Paper ids as they appear in URLs and forms: arXiv ids (any spelling) or provisional keys. */
final class PaperIds {
  private static final Pattern PROVISIONAL =
      Pattern.compile(Pattern.quote(Paper.PROVISIONAL_PREFIX) + "[0-9a-f]{12}");

  private PaperIds() {}

  static Optional<String> parse(String text) {
    if (text == null || text.isBlank() || text.length() > 200) {
      return Optional.empty();
    }
    String t = text.strip();
    if (PROVISIONAL.matcher(t).matches()) {
      return Optional.of(t);
    }
    return ArxivId.parse(t).map(ArxivId::id);
  }

  /** The id, or a 404 naming what was wrong. */
  static String require(String text) {
    return parse(text)
        .orElseThrow(
            () ->
                WebError.notFound(
                    "'"
                        + (text == null
                            ? ""
                            : text.length() > 60 ? text.substring(0, 60) + "…" : text)
                        + "' is not an arXiv id"));
  }
}
