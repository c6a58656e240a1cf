package org.paperboy.library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paperboy.library.LibraryFile.Entry;
import org.paperboy.library.LibraryFile.Parsed;

/**
 * BibTeX entries ({@code @type{key, field = {…}, …}}), read for the arXiv papers they name:
 * {@code @comment}, {@code @preamble} and {@code @string} are skipped, values may be braced,
 * quoted, bare or joined with {@code #}.
 */
final class BibTexFile {
  private BibTexFile() {}

  static Parsed parse(String text) {
    List<Entry> entries = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    int i = 0;
    int record = 0;
    int counted = 0; // lines are counted up to here, once, however many records there are
    int line = 1;
    while (true) {
      int at = text.indexOf('@', i);
      if (at < 0) {
        break;
      }
      line += newlines(text, counted, at);
      counted = at;
      int open = at + 1;
      while (open < text.length() && Character.isLetter(text.charAt(open))) {
        open++;
      }
      String type = text.substring(at + 1, open).toLowerCase(Locale.ROOT);
      int brace = LibraryFile.skipSpace(text, open);
      if (type.isEmpty()
          || brace >= text.length()
          || (text.charAt(brace) != '{' && text.charAt(brace) != '(')) {
        i = at + 1; // an @ in free text between records (BibTeX ignores it)
        continue;
      }
      int end = matching(text, brace);
      if (type.equals("comment") || type.equals("preamble") || type.equals("string")) {
        i = end < 0 ? text.length() : end + 1;
        continue;
      }
      record++;
      if (end < 0) {
        errors.add(
            "record "
                + record
                + " (line "
                + line
                + ", @"
                + type
                + "): unbalanced braces; the file ends inside it");
        break;
      }
      try {
        entries.add(bibEntry(text.substring(brace + 1, end), record, line));
      } catch (IllegalArgumentException e) {
        errors.add("record " + record + " (line " + line + ", @" + type + "): " + e.getMessage());
      }
      i = end + 1;
    }
    return new Parsed("BibTeX", entries, errors);
  }

  private static Entry bibEntry(String body, int n, int line) {
    int comma = body.indexOf(',');
    if (comma < 0) {
      throw new IllegalArgumentException("no citation key followed by a comma");
    }
    String key = body.substring(0, comma).strip();
    if (key.isEmpty() || key.contains("=")) {
      throw new IllegalArgumentException("no citation key before the first field");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    int i = comma + 1;
    while (true) {
      i = LibraryFile.skipSpace(body, i);
      if (i >= body.length()) {
        break;
      }
      int eq = body.indexOf('=', i);
      if (eq < 0) {
        throw new IllegalArgumentException(
            "text after the last field: " + LibraryFile.shorten(body.substring(i)));
      }
      String name = body.substring(i, eq).strip().toLowerCase(Locale.ROOT);
      if (!name.matches("[a-z][a-z0-9_:.-]*")) {
        throw new IllegalArgumentException(
            "a field name is missing or malformed near “" + LibraryFile.shorten(name) + "”");
      }
      StringBuilder value = new StringBuilder();
      i = LibraryFile.skipSpace(body, eq + 1);
      while (true) { // value parts joined with #
        if (i >= body.length()) {
          throw new IllegalArgumentException("field " + name + " has no value");
        }
        char c = body.charAt(i);
        if (c == '{') {
          int close = matching(body, i);
          if (close < 0) {
            throw new IllegalArgumentException("field " + name + ": unbalanced braces");
          }
          value.append(body, i + 1, close);
          i = close + 1;
        } else if (c == '"') {
          int close = closingQuote(body, i + 1);
          if (close < 0) {
            throw new IllegalArgumentException("field " + name + ": unclosed quote");
          }
          value.append(body, i + 1, close);
          i = close + 1;
        } else {
          int start = i;
          while (i < body.length()
              && (Character.isLetterOrDigit(body.charAt(i))
                  || "_-:.".indexOf(body.charAt(i)) >= 0)) {
            i++;
          }
          if (start == i) {
            throw new IllegalArgumentException(
                "field " + name + ": a value must be {…}, \"…\", a number or a name");
          }
          value.append(body, start, i);
        }
        i = LibraryFile.skipSpace(body, i);
        if (i < body.length() && body.charAt(i) == '#') {
          i = LibraryFile.skipSpace(body, i + 1);
          continue;
        }
        break;
      }
      fields.put(name, value.toString());
      if (i < body.length()) {
        if (body.charAt(i) != ',') {
          throw new IllegalArgumentException("a comma is missing after field " + name);
        }
        i++;
      }
    }
    String title = fields.get("title");
    String label =
        "record "
            + n
            + " (line "
            + line
            + ", "
            + key
            + (title == null ? "" : ", “" + LibraryFile.shorten(title.replaceAll("[{}]", "")) + "”")
            + ")";
    List<String> candidates = new ArrayList<>();
    String prefix =
        fields.getOrDefault("archiveprefix", fields.getOrDefault("eprinttype", "arxiv"));
    if (prefix.toLowerCase(Locale.ROOT).contains("arxiv") && fields.containsKey("eprint")) {
      candidates.add("arXiv:" + fields.get("eprint"));
    }
    for (String f :
        List.of(
            "arxivid",
            "arxiv",
            "url",
            "doi",
            "journal",
            "note",
            "howpublished",
            "publisher",
            "eprint")) {
      if (fields.containsKey(f)) {
        candidates.add(fields.get(f));
      }
    }
    return new Entry(label, LibraryFile.arxivId(candidates));
  }

  /** The index of the brace or parenthesis closing the one at {@code open}; -1 when none. */
  private static int matching(String s, int open) {
    char o = s.charAt(open);
    char c = o == '(' ? ')' : '}';
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\\' && i + 1 < s.length()) {
        i++;
        continue;
      }
      if (ch == o || (o == '(' && ch == '{')) {
        depth++;
      } else if (ch == c || (o == '(' && ch == '}')) {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }

  private static int closingQuote(String s, int from) {
    int depth = 0;
    for (int i = from; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '{') {
        depth++;
      } else if (ch == '}') {
        depth--;
      } else if (ch == '"' && depth == 0 && s.charAt(i - 1) != '\\') {
        return i;
      }
    }
    return -1;
  }

  private static int newlines(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }
}
