package org.paperboy.paper;

import java.text.Normalizer;
import java.util.Locale;

/** Text normalisation shared by every importer, so the same paper reads the same everywhere. */
public final class CleanText {
  private CleanText() {}

  /**
   * Collapses runs of white space (arXiv wraps titles and abstracts), drops characters that XML 1.0
   * cannot carry (C0/C1 controls, U+FFFE, U+FFFF, unpaired surrogates: one imported record with a
   * U+0001 would otherwise break every Atom feed that lists it) and trims; null stays null. Every
   * importer's text goes through here (via {@link PaperBuilder#build}).
   */
  public static String collapse(String s) {
    if (s == null || isCollapsed(s)) {
      return s;
    }
    char[] in = s.toCharArray();
    int n = 0;
    boolean space = false;
    for (int i = 0; i < in.length; i++) {
      char c = in[i];
      if (isSpace(c)) {
        space = n > 0;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < in.length
          && Character.isLowSurrogate(in[i + 1])) {
        if (space) {
          in[n++] = ' ';
          space = false;
        }
        in[n++] = c;
        in[n++] = in[++i];
      } else if (!isDropped(c)) {
        if (space) {
          in[n++] = ' ';
          space = false;
        }
        in[n++] = c; // n never passes the read position, so compacting in place is safe
      }
    }
    return new String(in, 0, n);
  }

  /**
   * The same rule for text that keeps its line breaks (comments a reader writes): characters XML
   * cannot carry are dropped, tabs and line feeds stay; null stays null.
   */
  public static String dropControls(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
      } else if (c == '\n' || c == '\t' || !isDropped(c)) {
        out.append(c); // a carriage return is dropped: CRLF becomes LF
      }
    }
    return out.toString();
  }

  /**
   * Characters that are not white space and are not kept: controls (XML 1.0 forbids C0, C1 only
   * garbles a page), non-characters U+FFFE/U+FFFF, and surrogates not in a pair.
   */
  private static boolean isDropped(char c) {
    return c < ' '
        || (c >= 0x7f && c <= 0x9f)
        || c == 0xfffe
        || c == 0xffff
        || Character.isSurrogate(c);
  }

  private static boolean isSpace(char c) {
    if (c <= ' ') {
      return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0x0b;
    }
    if (c < 0x85) {
      return false;
    }
    // Unicode white space and no-break spaces (Character.isWhitespace + isSpaceChar, unrolled).
    return c == 0x85
        || c == 0xa0
        || c == 0x1680
        || (c >= 0x2000 && c <= 0x200a)
        || c == 0x2028
        || c == 0x2029
        || c == 0x202f
        || c == 0x205f
        || c == 0x3000;
  }

  /** True when {@code s} has no leading, trailing, doubled or non-blank white space. */
  private static boolean isCollapsed(String s) {
    int len = s.length();
    if (len == 0) {
      return true;
    }
    if (isSpace(s.charAt(0)) || isSpace(s.charAt(len - 1))) {
      return false;
    }
    boolean prevSpace = false;
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c >= 0xd800 || (c < 0xa0 && (c < ' ' || c >= 0x7f))) {
        return false; // controls, surrogates and non-characters: let collapse decide
      }
      boolean sp = isSpace(c);
      if (sp && (c != ' ' || prevSpace)) {
        return false;
      }
      prevSpace = sp;
    }
    return true;
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
    String decomposed = isAscii(title) ? title : Normalizer.normalize(title, Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
