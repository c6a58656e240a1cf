package org.paperboy.paper;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An author's identity: a normalised form of the name as written on papers. Two spellings share a
 * key only when they differ in case, accents, punctuation, hyphens or "Family, Given" order: {@code
 * José García-López}, {@code Jose Garcia Lopez} and {@code García-López, José} are one author
 * ({@code jose-garcia-lopez}). Initials are kept as written, so {@code J. Smith} ({@code j-smith})
 * is never merged with {@code John Smith} or {@code Jane Smith}: author pages only point to such
 * spellings as possibly the same person. Letters of any script are kept.
 */
public final class AuthorKey {
  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");

  private AuthorKey() {}

  /** The key of a name; empty when the name has no letters or digits. */
  public static String of(String name) {
    if (name == null) {
      return "";
    }
    String n = name.strip();
    int comma = n.indexOf(',');
    if (comma > 0 && n.indexOf(',', comma + 1) < 0) { // "Family, Given" (one comma only)
      String given = n.substring(comma + 1).strip();
      String family = n.substring(0, comma).strip();
      if (!given.isEmpty() && !isSuffix(given)) {
        n = given + " " + family;
      }
    }
    // Most names are ASCII already: decomposing them (to drop accents) would change nothing.
    String plain =
        ascii(n) ? n : MARKS.matcher(Normalizer.normalize(n, Normalizer.Form.NFKD)).replaceAll("");
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < plain.length(); ) {
      int cp = plain.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        w.appendCodePoint(Character.toLowerCase(cp));
      } else if (!w.isEmpty()) {
        words.add(w.toString());
        w.setLength(0);
      }
    }
    if (!w.isEmpty()) {
      words.add(w.toString());
    }
    return String.join("-", words).toLowerCase(Locale.ROOT);
  }

  private static boolean ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSuffix(String s) {
    return s.matches("(?i)jr\\.?|sr\\.?|ii|iii|iv");
  }

  /** The family name part of a key (its last word), for "possibly the same person". */
  public static String family(String key) {
    int dash = key.lastIndexOf('-');
    return dash < 0 ? key : key.substring(dash + 1);
  }
}
