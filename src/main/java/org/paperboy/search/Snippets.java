package org.paperboy.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.paperboy.index.Analyzers;
import org.paperboy.index.IndexSchema;

/**
 * Highlighted snippets of an abstract for the embedded backend. The abstract is analysed once with
 * the index's analyzer; a token is marked when it is one of the query's words or part of an exact
 * occurrence of one of its quoted phrases (what the BM25 query matched), and the best sentences
 * (most distinct query terms, then most marks, then earliest) are shown in text order.
 *
 * <p>Replaces Lucene's UnifiedHighlighter without a searcher, which built an in-memory index per
 * hit and split sentences with the JDK's BreakIterator: ~3 ms of a 5 ms keyword query on 1M papers
 * (BENCHMARKS.md). Immutable; one per query.
 */
public final class Snippets {
  /** Sentences shown per snippet. */
  static final int PASSAGES = 2;

  /** A longer sentence is cut to a window of about this many characters around its marks. */
  static final int MAX_PASSAGE = 360;

  private static final String SEPARATOR = " … ";
  private static final Analyzer ANALYZER = Analyzers.english();

  private final Set<String> words;
  private final List<String[]> phrases;

  private Snippets(Set<String> words, List<String[]> phrases) {
    this.words = words;
    this.phrases = phrases;
  }

  /** The snippet maker for {@code q}'s words and phrases; null when it has none. */
  public static Snippets of(UserQuery q) {
    Set<String> words = new HashSet<>();
    for (String w : q.words()) {
      words.addAll(QueryText.analyze(IndexSchema.ABSTRACT, w));
    }
    List<String[]> phrases = new ArrayList<>();
    for (String p : q.phrases()) {
      List<String> tokens = QueryText.analyze(IndexSchema.ABSTRACT, p);
      if (tokens.size() == 1) {
        words.add(tokens.get(0));
      } else if (tokens.size() > 1) {
        phrases.add(tokens.toArray(String[]::new));
      }
    }
    return words.isEmpty() && phrases.isEmpty() ? null : new Snippets(words, phrases);
  }

  /** {@code text} (HTML-escaped) cut to its best sentences with matches in {@code <mark>}. */
  public String highlight(String text) {
    if (text == null || text.isEmpty()) {
      return QueryText.plainSnippet(text);
    }
    List<Token> tokens = tokens(text);
    boolean[] marked = mark(tokens);
    List<Passage> passages = passages(text, tokens, marked);
    if (passages.isEmpty()) {
      return QueryText.plainSnippet(text);
    }
    List<Passage> best =
        passages.stream()
            .sorted(Passage.BEST_FIRST)
            .limit(PASSAGES)
            .sorted(Comparator.comparingInt(Passage::start))
            .toList();
    StringBuilder out = new StringBuilder(text.length() / 2);
    for (Passage p : best) {
      if (!out.isEmpty()) {
        out.append(SEPARATOR);
      }
      render(text, tokens, marked, p, out);
    }
    return out.toString();
  }

  private record Token(String term, int position, int start, int end) {}

  private static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    try (TokenStream ts = ANALYZER.tokenStream(IndexSchema.ABSTRACT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int position = -1;
      while (ts.incrementToken()) {
        position += inc.getPositionIncrement();
        out.add(new Token(term.toString(), position, offset.startOffset(), offset.endOffset()));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private boolean[] mark(List<Token> tokens) {
    boolean[] marked = new boolean[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      if (words.contains(tokens.get(i).term())) {
        marked[i] = true;
      }
      for (String[] phrase : phrases) {
        if (phraseAt(tokens, i, phrase)) {
          for (int k = 0; k < phrase.length; k++) {
            marked[i + k] = true;
          }
        }
      }
    }
    return marked;
  }

  /** Whether {@code phrase} occurs at token {@code i} at consecutive positions (as PhraseQuery). */
  private static boolean phraseAt(List<Token> tokens, int i, String[] phrase) {
    if (i + phrase.length > tokens.size()) {
      return false;
    }
    int first = tokens.get(i).position();
    for (int k = 0; k < phrase.length; k++) {
      Token t = tokens.get(i + k);
      if (t.position() != first + k || !t.term().equals(phrase[k])) {
        return false;
      }
    }
    return true;
  }

  /**
   * @param start first character
   * @param end one past the last character
   * @param distinct distinct terms marked in it
   * @param marks tokens marked in it
   * @param cutBefore whether the sentence was cut before the window (shown as "…")
   * @param cutAfter whether it was cut after it
   */
  private record Passage(
      int start, int end, int distinct, int marks, boolean cutBefore, boolean cutAfter) {
    static final Comparator<Passage> BEST_FIRST =
        Comparator.comparingInt(Passage::distinct)
            .thenComparingInt(Passage::marks)
            .reversed()
            .thenComparingInt(Passage::start);
  }

  /** The sentences with at least one mark, each cut to a window when long. */
  private static List<Passage> passages(String text, List<Token> tokens, boolean[] marked) {
    List<Passage> out = new ArrayList<>();
    int t = 0;
    int start = 0;
    while (start < text.length()) {
      int end = sentenceEnd(text, start);
      Set<String> distinct = new HashSet<>();
      int marks = 0;
      int firstMark = -1;
      for (; t < tokens.size() && tokens.get(t).start() < end; t++) {
        if (marked[t]) {
          distinct.add(tokens.get(t).term());
          marks++;
          firstMark = firstMark < 0 ? tokens.get(t).start() : firstMark;
        }
      }
      if (marks > 0) {
        int from = start;
        int to = end;
        if (to - from > MAX_PASSAGE) {
          from = Math.max(start, wordStart(text, firstMark - MAX_PASSAGE / 6));
          to = Math.min(end, wordEnd(text, from + MAX_PASSAGE));
        }
        out.add(new Passage(from, to, distinct.size(), marks, from > start, to < end));
      }
      start = end;
    }
    return out;
  }

  /**
   * The end of the sentence starting at {@code start}: after a '.', '?' or '!' followed by a space
   * and an upper-case letter or digit ("e.g. the" does not end one), or the end of the text.
   */
  static int sentenceEnd(String text, int start) {
    for (int i = start; i < text.length() - 2; i++) {
      char c = text.charAt(i);
      if ((c == '.' || c == '?' || c == '!') && Character.isWhitespace(text.charAt(i + 1))) {
        int next = i + 1;
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
          next++;
        }
        if (next < text.length()
            && (Character.isUpperCase(text.charAt(next)) || Character.isDigit(text.charAt(next)))) {
          return next;
        }
      }
    }
    return text.length();
  }

  private static int wordStart(String text, int i) {
    int j = Math.max(0, i);
    while (j > 0 && !Character.isWhitespace(text.charAt(j - 1))) {
      j--;
    }
    return j;
  }

  private static int wordEnd(String text, int i) {
    int j = Math.min(text.length(), i);
    while (j < text.length() && !Character.isWhitespace(text.charAt(j))) {
      j++;
    }
    return j;
  }

  private static void render(
      String text, List<Token> tokens, boolean[] marked, Passage p, StringBuilder out) {
    int from = p.start();
    int to = p.end();
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    if (p.cutBefore()) {
      out.append("… ");
    }
    int at = from;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!marked[i] || t.start() < from || t.end() > to) {
        continue;
      }
      escape(text, at, t.start(), out);
      out.append("<mark>");
      escape(text, t.start(), t.end(), out);
      out.append("</mark>");
      at = t.end();
    }
    escape(text, at, to, out);
    if (p.cutAfter()) {
      out.append(" …");
    }
  }

  private static void escape(String text, int from, int to, StringBuilder out) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#x27;");
        default -> out.append(c);
      }
    }
  }
}
