package org.paperboy.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.paperboy.index.Analyzers;

/**
 * Text helpers both search backends share: query words analysed with the index's analyzer, and the
 * plain snippet shown when no query word is highlighted.
 */
public final class QueryText {
  private static final Analyzer ANALYZER = Analyzers.english();

  private QueryText() {}

  /** {@code text} as the index's analyzer turns it into terms for {@code field}. */
  public static List<String> analyze(String field, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = ANALYZER.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The first 240 characters of an abstract, HTML-escaped: the snippet without highlights. */
  public static String plainSnippet(String text) {
    String lead =
        text == null ? "" : text.length() <= 240 ? text : text.substring(0, 240).strip() + " …";
    return lead.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
