package org.paperboy.export;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paperboy.paper.Paper;

/**
 * BibTeX for papers, as reference managers import it: {@code @misc} entries (an {@code @article}
 * when a journal reference is known) with arXiv's fields {@code eprint}, {@code archivePrefix} and
 * {@code primaryClass}, the DOI when known, and the abs URL.
 *
 * <p>Escaping: arXiv metadata is partly LaTeX (math in {@code $...$}, accents as {@code \'e}) and
 * partly plain text ({@code Q&A}, {@code 50%}). Characters special to LaTeX are escaped unless
 * already escaped; balanced {@code $...$} spans are kept as math; unbalanced braces or dollars are
 * escaped so that one bad title cannot break the rest of the file.
 */
public final class BibTex {
  /** Citation keys handed out so far: a key used twice gets a letter (vaswani2017attentiona). */
  private final Map<String, Integer> used = new HashMap<>();

  /** Entries for {@code papers} in order, with citation keys unique within this output. */
  public static String of(List<Paper> papers) {
    StringBuilder out = new StringBuilder();
    BibTex bib = new BibTex();
    papers.forEach(p -> bib.append(out, p));
    return out.toString();
  }

  /** Appends the entry of {@code p}, its key unique among the entries this writer appended. */
  public void append(StringBuilder out, Paper p) {
    String base = key(p);
    int n = used.merge(base, 1, Integer::sum);
    entry(out, p, n == 1 ? base : base + suffix(n - 2));
  }

  /** a, b, …, z, aa, ab, …: the suffix of the (i+2)-th paper with the same base key. */
  private static String suffix(int i) {
    StringBuilder s = new StringBuilder();
    int v = i;
    do {
      s.insert(0, (char) ('a' + v % 26));
      v = v / 26 - 1;
    } while (v >= 0);
    return s.toString();
  }

  private static void entry(StringBuilder out, Paper p, String key) {
    boolean article = p.journalRef() != null;
    out.append(article ? "@article{" : "@misc{").append(key).append(",\n");
    field(out, "title", escape(p.title()));
    if (!p.authors().isEmpty()) {
      List<String> names = p.authors().stream().map(BibTex::escape).toList();
      field(out, "author", String.join(" and ", names));
    }
    if (p.published() != null) {
      field(out, "year", Integer.toString(p.published().getYear()));
      field(out, "month", p.published().getMonth().name().substring(0, 3).toLowerCase(Locale.ROOT));
    }
    if (article) {
      field(out, "journal", escape(p.journalRef()));
    }
    if (!p.provisional()) {
      field(out, "eprint", p.id());
      field(out, "archivePrefix", "arXiv");
      p.primaryCategory().ifPresent(c -> field(out, "primaryClass", c));
    }
    if (p.doi() != null) {
      field(out, "doi", escape(p.doi()));
    }
    p.absUrl().ifPresent(u -> field(out, "url", u));
    if (!p.abstractText().isBlank()) {
      field(out, "abstract", escape(p.abstractText()));
    }
    out.setLength(out.length() - 2); // the last field's ",\n"
    out.append("\n}\n\n");
  }

  private static void field(StringBuilder out, String name, String value) {
    out.append("  ").append(name).append(" = {").append(value).append("},\n");
  }

  /** {@code vaswani2017attention}: first author's family name, year, first long title word. */
  static String key(Paper p) {
    String family = p.authors().isEmpty() ? "anon" : family(p.authors().get(0));
    String year = p.published() == null ? "" : Integer.toString(p.published().getYear());
    String word = "";
    for (String w : ascii(p.title()).split("[^a-z0-9]+")) {
      if (w.length() > 3) {
        word = w;
        break;
      }
    }
    String key = family + year + word;
    return key.isEmpty() ? "paper" : key;
  }

  private static String family(String name) {
    String[] parts = ascii(name).split("[^a-z]+");
    for (int i = parts.length - 1; i >= 0; i--) {
      if (!parts[i].isEmpty()) {
        return parts[i];
      }
    }
    return "anon";
  }

  /** Lower-case ASCII: accents dropped, everything else kept for the caller to split on. */
  static String ascii(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT);
  }

  /** Escapes what LaTeX would misread; see the class comment. */
  static String escape(String s) {
    String text = s.replace('\n', ' ').replace('\r', ' ');
    boolean mathOk = countUnescaped(text, '$') % 2 == 0;
    boolean bracesOk = balanced(text);
    StringBuilder out = new StringBuilder(text.length() + 16);
    boolean math = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean escaped = i > 0 && text.charAt(i - 1) == '\\';
      if (mathOk && c == '$' && !escaped) {
        math = !math;
        out.append(c);
        continue;
      }
      if (math) { // kept as written: $x_i^2$ is LaTeX math
        out.append(c);
        continue;
      }
      switch (c) {
        case '&', '%', '#', '_' -> out.append(escaped ? "" : "\\").append(c);
        case '$' -> out.append(escaped ? "" : "\\").append(c);
        case '{', '}' -> out.append(bracesOk || escaped ? "" : "\\").append(c);
        case '\\' -> {
          // A backslash starts a LaTeX command or escape when a letter or symbol follows;
          // a lone one at the end is printed as a backslash.
          if (i + 1 < text.length()) {
            out.append(c);
          } else {
            out.append("\\textbackslash{}");
          }
        }
        case '~', '^' -> {
          if (escaped) {
            out.append(c);
          } else {
            out.append(c == '~' ? "\\textasciitilde{}" : "\\textasciicircum{}");
          }
        }
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static int countUnescaped(String s, char ch) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == ch && (i == 0 || s.charAt(i - 1) != '\\')) {
        n++;
      }
    }
    return n;
  }

  private static boolean balanced(String s) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      boolean escaped = i > 0 && s.charAt(i - 1) == '\\';
      if (escaped) {
        continue;
      }
      if (s.charAt(i) == '{') {
        depth++;
      } else if (s.charAt(i) == '}' && --depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }
}
