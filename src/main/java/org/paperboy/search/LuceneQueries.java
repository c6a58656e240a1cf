package org.paperboy.search;

import java.util.List;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.paperboy.index.IndexSchema;

/**
 * The Lucene queries of the embedded backend, built from a parsed {@link UserQuery}: BM25 text,
 * author/category/date filters, "contains every word" matches (saved searches, followed keywords)
 * and restrictions to a set of papers.
 */
public final class LuceneQueries {
  private LuceneQueries() {}

  /**
   * A query matching the papers that contain every word and phrase of {@code q} and pass its
   * filters (for saved searches and followed keywords); null when {@code q} asks for nothing.
   */
  public static Query match(UserQuery q) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 0;
    for (String w : q.words()) {
      for (String t : QueryText.analyze(IndexSchema.CONTENTS, w)) {
        b.add(new TermQuery(new Term(IndexSchema.CONTENTS, t)), BooleanClause.Occur.FILTER);
        clauses++;
      }
    }
    for (String p : q.phrases()) {
      List<String> tokens = QueryText.analyze(IndexSchema.CONTENTS, p);
      if (!tokens.isEmpty()) {
        b.add(
            new PhraseQuery(IndexSchema.CONTENTS, tokens.toArray(String[]::new)),
            BooleanClause.Occur.FILTER);
        clauses++;
      }
    }
    Query filter = filter(q);
    if (filter != null) {
      b.add(filter, BooleanClause.Occur.FILTER);
      clauses++;
    }
    return clauses == 0 ? null : new ConstantScoreQuery(b.build());
  }

  /** Words as SHOULD terms (BM25 disjunction), quoted phrases as required phrases. */
  static Query text(UserQuery q, String field) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 0;
    for (String w : q.words()) {
      for (String t : QueryText.analyze(field, w)) {
        b.add(new TermQuery(new Term(field, t)), BooleanClause.Occur.SHOULD);
        clauses++;
      }
    }
    for (String p : q.phrases()) {
      List<String> tokens = QueryText.analyze(field, p);
      if (tokens.isEmpty()) {
        continue;
      }
      Query pq =
          tokens.size() == 1
              ? new TermQuery(new Term(field, tokens.get(0)))
              : new PhraseQuery(field, tokens.toArray(String[]::new));
      b.add(pq, BooleanClause.Occur.MUST);
      clauses++;
    }
    return clauses == 0 ? null : b.build();
  }

  /** author:, cat: and year: as filters (no effect on scores); null when there are none. */
  static Query filter(UserQuery q) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 0;
    for (String a : q.authors()) {
      List<String> tokens = QueryText.analyze(IndexSchema.AUTHORS, a);
      if (!tokens.isEmpty()) {
        b.add(
            new PhraseQuery(2, IndexSchema.AUTHORS, tokens.toArray(String[]::new)),
            BooleanClause.Occur.FILTER);
        clauses++;
      }
    }
    if (!q.categories().isEmpty()) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (String c : q.categories()) {
        any.add(new TermQuery(new Term(IndexSchema.CATEGORY, c)), BooleanClause.Occur.SHOULD);
      }
      b.add(any.build(), BooleanClause.Occur.FILTER);
      clauses++;
    }
    if (q.publishedFrom() != null || q.publishedTo() != null) {
      long from = q.publishedFrom() == null ? Long.MIN_VALUE : q.publishedFrom().toEpochDay();
      long to = q.publishedTo() == null ? Long.MAX_VALUE : q.publishedTo().toEpochDay();
      b.add(LongField.newRangeQuery(IndexSchema.PUBLISHED, from, to), BooleanClause.Occur.FILTER);
      clauses++;
    }
    return clauses == 0 ? null : b.build();
  }
}
