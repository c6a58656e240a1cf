package org.paperboy.paper;

import java.text.Normalizer;
import java.util.Locale;

/** Text normalisation shared by every importer, so the same paper reads the same everywhere. */
public final class CleanText {
  private CleanText() {}

  /**
   * Collapses runs of white space (arXiv wraps titles and abstracts) and trims; null stays null.
   */
  public static String collapse(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Collapsed text, or null when nothing but white space is left. */
  public static String blankToNull(String s) {
    String c = collapse(s);
    return c == null || c.isEmpty() ? null : c;
  }

  /**
   * The key under which titles from different sources are recognised as the same paper: letters and
   * digits only, lower-cased, accents removed. Page captures mangle LaTeX ({@code $\sim$7} becomes
   * {@code sim7}), so punctuation and spacing must not matter.
   */
  public static String titleKey(String title) {
    if (title == null) {
      return "";
    }
    String decomposed = Normalizer.normalize(title, Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
