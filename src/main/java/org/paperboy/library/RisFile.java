package org.paperboy.library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperboy.library.LibraryFile.Entry;
import org.paperboy.library.LibraryFile.Parsed;

/** RIS records ({@code TY - …} to {@code ER - }), read for the arXiv papers they name. */
final class RisFile {
  private static final Pattern RIS_LINE = Pattern.compile("^([A-Z][A-Z0-9])  - ?(.*)$");

  private RisFile() {}

  static Parsed parse(String text) {
    List<Entry> entries = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    Map<String, List<String>> fields = null;
    int startLine = 0;
    String last = null;
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      Matcher m = RIS_LINE.matcher(line);
      if (!m.matches()) {
        if (fields != null && last != null) { // a wrapped value continues the previous tag
          List<String> values = fields.get(last);
          values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.strip());
        } else {
          errors.add(
              "line " + (i + 1) + ": not a RIS line (TAG  - value): " + LibraryFile.shorten(line));
        }
        continue;
      }
      String tag = m.group(1);
      if (tag.equals("TY")) {
        if (fields != null) {
          errors.add(
              "record "
                  + (entries.size() + errors.size() + 1)
                  + " (line "
                  + startLine
                  + "): a new TY before its ER");
        }
        fields = new LinkedHashMap<>();
        startLine = i + 1;
      } else if (fields == null) {
        errors.add("line " + (i + 1) + ": " + tag + " outside a record (no TY before it)");
        continue;
      }
      if (tag.equals("ER")) {
        entries.add(risEntry(fields, entries.size() + 1, startLine));
        fields = null;
        last = null;
        continue;
      }
      fields.computeIfAbsent(tag, k -> new ArrayList<>()).add(m.group(2).strip());
      last = tag;
    }
    if (fields != null) {
      errors.add("record starting at line " + startLine + ": the file ends before its ER line");
    }
    return new Parsed("RIS", entries, errors);
  }

  private static Entry risEntry(Map<String, List<String>> f, int n, int line) {
    String title = first(f, "TI", "T1", "CT");
    String label =
        "record "
            + n
            + " (line "
            + line
            + (title == null ? "" : ", “" + LibraryFile.shorten(title) + "”")
            + ")";
    List<String> candidates = new ArrayList<>();
    for (String tag :
        List.of("AN", "UR", "L1", "L2", "DO", "M1", "M3", "N1", "JO", "JF", "T2", "ID", "SN")) {
      candidates.addAll(f.getOrDefault(tag, List.of()));
    }
    return new Entry(label, LibraryFile.arxivId(candidates));
  }

  private static String first(Map<String, List<String>> f, String... tags) {
    for (String t : tags) {
      List<String> v = f.get(t);
      if (v != null && !v.isEmpty()) {
        return v.get(0);
      }
    }
    return null;
  }
}
