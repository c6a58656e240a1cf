package org.paperboy.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits arXiv's one-line author lists ("A. One, B. Two and C. Three"). */
final class AuthorNames {
  private static final Pattern SEPARATORS = Pattern.compile("\\s*,\\s*(?:and\\s+)?|\\s+and\\s+");

  private AuthorNames() {}

  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    if (line == null) {
      return out;
    }
    for (String part : SEPARATORS.split(line.replaceAll("\\s+", " ").strip())) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  /** "Forenames Keyname Suffix", skipping empty parts. */
  static String join(String keyname, String forenames, String suffix) {
    StringBuilder b = new StringBuilder();
    for (String part : new String[] {forenames, keyname, suffix}) {
      if (part != null && !part.isBlank()) {
        b.append(b.isEmpty() ? "" : " ").append(part.strip());
      }
    }
    return b.toString();
  }
}
