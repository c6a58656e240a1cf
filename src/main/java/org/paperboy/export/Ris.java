package org.paperboy.export;

import java.util.List;
import org.paperboy.paper.Paper;

/**
 * RIS for papers (Zotero, EndNote, Mendeley): one record per paper, {@code TY - JOUR} when a
 * journal reference is known, else the generic {@code GEN} with arXiv as publisher; authors as
 * {@code Family, Given}; the arXiv id as {@code AN - arXiv:ID} and in the URL. Values are one line
 * each (RIS has no escaping: line breaks become spaces).
 */
public final class Ris {
  private Ris() {}

  public static String of(List<Paper> papers) {
    StringBuilder out = new StringBuilder();
    for (Paper p : papers) {
      boolean article = p.journalRef() != null;
      tag(out, "TY", article ? "JOUR" : "GEN");
      tag(out, "TI", p.title());
      for (String a : p.authors()) {
        tag(out, "AU", familyFirst(a));
      }
      if (p.published() != null) {
        tag(out, "PY", Integer.toString(p.published().getYear()));
        tag(out, "DA", p.published().toString().replace('-', '/'));
      }
      if (article) {
        tag(out, "JO", p.journalRef());
      } else if (!p.provisional()) {
        tag(out, "PB", "arXiv");
      }
      if (!p.provisional()) {
        tag(out, "AN", "arXiv:" + p.id());
      }
      for (String c : p.categories()) {
        tag(out, "KW", c);
      }
      if (p.doi() != null) {
        tag(out, "DO", p.doi());
      }
      p.absUrl().ifPresent(u -> tag(out, "UR", u));
      if (!p.abstractText().isBlank()) {
        tag(out, "AB", p.abstractText());
      }
      out.append("ER  - \r\n\r\n");
    }
    return out.toString();
  }

  private static void tag(StringBuilder out, String tag, String value) {
    out.append(tag)
        .append("  - ")
        .append(value.replaceAll("[\\r\\n]+", " ").strip())
        .append("\r\n");
  }

  /** "Ada Lovelace" → "Lovelace, Ada"; a name already written "Family, Given" is kept. */
  static String familyFirst(String name) {
    String n = name.strip();
    if (n.contains(",")) {
      return n;
    }
    int space = n.lastIndexOf(' ');
    return space < 0 ? n : n.substring(space + 1) + ", " + n.substring(0, space);
  }
}
