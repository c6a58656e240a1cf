package org.paperboy.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PatienceKnnVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.paperboy.index.IndexSchema;
import org.paperboy.index.PaperIndex;

/** The embedded search backend: BM25 and HNSW kNN over the {@link PaperIndex} in the data dir. */
public final class LuceneSearchEngine implements SearchEngine {
  /**
   * Searches the segments of a kNN query, and of a paper's more-like-this query, on all cores. In
   * hybrid search the kNN query runs after the query embedding, when BM25 (run beside the
   * embedding) is done, so the second core is free (1M papers, 8 segments: kNN at depth 100 5.8 ->
   * 4.2 ms in-process); in similar papers the kNN query is done long before the more-like-this
   * query, the longest part (1M papers, 7 segments: 6.8 -> 4.6 ms). A user's keyword query stays on
   * one thread: in hybrid search it runs beside the query embedding, which a second thread would
   * slow. Lucene collects each segment on its own and merges the lists by score then document, so
   * the result does not depend on the order in which segments finish.
   */
  private static final java.util.concurrent.ExecutorService SEGMENTS =
      java.util.concurrent.Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(),
          Thread.ofPlatform().daemon().name("paperboy-knn-", 0).factory());

  private final PaperIndex index;

  /** {@code s}'s reader searched with its segments spread over {@link #SEGMENTS}. */
  private static IndexSearcher bySegment(IndexSearcher s) {
    IndexSearcher p = new IndexSearcher(s.getIndexReader(), SEGMENTS);
    p.setSimilarity(s.getSimilarity());
    return p;
  }

  public LuceneSearchEngine(PaperIndex index) {
    this.index = index;
  }

  @Override
  public boolean hasText(UserQuery q) {
    return LuceneQueries.text(q, IndexSchema.CONTENTS) != null;
  }

  @Override
  public boolean hasFilter(UserQuery q) {
    return LuceneQueries.filter(q) != null;
  }

  @Override
  public boolean hasVectors() {
    return index.withSearcher(
        s -> {
          for (var leaf : s.getIndexReader().leaves()) {
            var values = leaf.reader().getFloatVectorValues(IndexSchema.VECTOR);
            if (values != null && values.size() > 0) {
              return true;
            }
          }
          return false;
        });
  }

  @Override
  public List<ScoredId> keyword(UserQuery q, int n) {
    Query text = LuceneQueries.text(q, IndexSchema.CONTENTS);
    Query filter = LuceneQueries.filter(q);
    Query query;
    if (text == null) {
      query = new ConstantScoreQuery(filter == null ? MatchAllDocsQuery.INSTANCE : filter);
    } else if (filter == null) {
      query = text;
    } else {
      query =
          new BooleanQuery.Builder()
              .add(text, BooleanClause.Occur.MUST)
              .add(filter, BooleanClause.Occur.FILTER)
              .build();
    }
    if (text == null) { // every hit scores the same: sorting by id is the whole ranking
      return index.withSearcher(
          s ->
              LuceneDocs.ids(
                  s, s.search(query, Math.max(n, 1), LuceneDocs.BY_SCORE_THEN_ID, true)));
    }
    return index.withSearcher(s -> LuceneDocs.top(s, query, n));
  }

  @Override
  public java.util.Optional<Like> like(String id) {
    Query like = index.withSearcher(s -> likeQuery(s, id));
    if (like == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new Like() {
          @Override
          public List<ScoredId> top(int n) {
            return index.withSearcher(s -> LuceneDocs.top(bySegment(s), like, n));
          }

          @Override
          public Map<String, Float> scores(java.util.Collection<String> ids) {
            return scoresOf(like, ids);
          }
        });
  }

  /** The more-like-this query of paper {@code id}; null when it is not in the index. */
  private static Query likeQuery(IndexSearcher s, String id) throws IOException {
    int doc = LuceneDocs.docOf(s, id);
    if (doc < 0) {
      return null;
    }
    Document d = s.storedFields().document(doc, Set.of(IndexSchema.TITLE, IndexSchema.ABSTRACT));
    MoreLikeThis mlt = new MoreLikeThis(s.getIndexReader());
    mlt.setAnalyzer(org.paperboy.index.Analyzers.english());
    mlt.setFieldNames(new String[] {IndexSchema.CONTENTS});
    mlt.setMinTermFreq(MoreLikeThisTerms.MIN_TERM_FREQ);
    mlt.setMinDocFreq(MoreLikeThisTerms.MIN_DOC_FREQ);
    mlt.setMaxQueryTerms(MoreLikeThisTerms.MAX_QUERY_TERMS);
    String text = d.get(IndexSchema.TITLE) + " " + d.get(IndexSchema.ABSTRACT);
    return mlt.like(IndexSchema.CONTENTS, new java.io.StringReader(text));
  }

  @Override
  public Map<String, Float> keywordScores(UserQuery q, java.util.Collection<String> ids) {
    Query text = LuceneQueries.text(q, IndexSchema.CONTENTS);
    if (text == null || ids.isEmpty()) {
      return Map.of();
    }
    return scoresOf(text, ids);
  }

  /**
   * The scores {@code query} gives papers {@code ids}, by id; papers it does not match are absent.
   */
  private Map<String, Float> scoresOf(Query query, java.util.Collection<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<String, Float> out = new HashMap<>();
    index
        .withSearcher(
            s -> LuceneDocs.ids(s, LuceneDocs.scores(s, query, LuceneDocs.docsOf(s, ids))))
        .forEach(h -> out.put(h.id(), (float) h.score()));
    return out;
  }

  @Override
  public Map<String, Float> vectorScores(float[] vector, java.util.Collection<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<String, Float> out = new HashMap<>();
    index
        .withSearcher(
            s -> {
              List<LeafReaderContext> leaves = s.getIndexReader().leaves();
              List<ScoreDoc> scored = new ArrayList<>(ids.size());
              int leafIndex = -1;
              FloatVectorValues values = null;
              KnnVectorValues.DocIndexIterator it = null;
              for (int doc :
                  LuceneDocs.docsOf(s, ids)) { // in document order: iterators go forwards
                int l = ReaderUtil.subIndex(doc, leaves);
                if (l != leafIndex) {
                  leafIndex = l;
                  values = leaves.get(l).reader().getFloatVectorValues(IndexSchema.VECTOR);
                  it = values == null ? null : values.iterator();
                }
                int local = doc - leaves.get(l).docBase;
                if (it != null && (it.docID() < local ? it.advance(local) : it.docID()) == local) {
                  scored.add(
                      new ScoreDoc(
                          doc,
                          VectorSimilarityFunction.DOT_PRODUCT.compare(
                              vector, values.vectorValue(it.index()))));
                }
              }
              return LuceneDocs.ids(s, scored.toArray(ScoreDoc[]::new));
            })
        .forEach(h -> out.put(h.id(), (float) h.score()));
    return out;
  }

  @Override
  public List<ScoredId> nearest(float[] vector, int n, UserQuery filters) {
    return knn(vector, n, LuceneQueries.filter(filters));
  }

  /**
   * HNSW kNN with Lucene's patience stop: a segment's graph search ends once its best-so-far queue
   * has stopped changing for a while, instead of exhausting the beam. On real vectors recall@10
   * against exact kNN did not move; at depth 100 on 1M papers it saves about a quarter of the time
   * (BENCHMARKS.md, "patience").
   */
  private List<ScoredId> knn(float[] v, int n, Query filter) {
    Query query =
        PatienceKnnVectorQuery.fromFloatQuery(
            new KnnFloatVectorQuery(IndexSchema.VECTOR, v, n, filter));
    List<ScoredId> out =
        index.withSearcher(
            s -> {
              IndexSearcher bySegment = bySegment(s);
              return LuceneDocs.ids(bySegment, bySegment.search(query, n));
            });
    out.sort(ScoredId.RANKING);
    return out;
  }

  @Override
  public Map<String, Long> sortKeys(java.util.Collection<String> ids, SearchSort sort) {
    String field =
        sort == SearchSort.DATE ? IndexSchema.PUBLISHED_STORED : IndexSchema.UPVOTES_STORED;
    Map<String, Long> key = new HashMap<>();
    index.withSearcher(
        s -> {
          for (String id : ids) {
            int doc = LuceneDocs.docOf(s, id);
            Document d = doc < 0 ? null : s.storedFields().document(doc, Set.of(field));
            Number n = d == null ? null : d.getField(field).numericValue();
            key.put(id, n == null ? Long.MIN_VALUE : n.longValue());
          }
          return null;
        });
    return key;
  }

  @Override
  public List<SearchHit> hits(List<ScoredId> page, UserQuery q, boolean snippets) {
    Snippets highlighter = snippets ? Snippets.of(q) : null;
    return index.withSearcher(
        s -> {
          StoredFields stored = s.storedFields();
          Document[] docs = new Document[page.size()];
          for (int i = 0; i < docs.length; i++) {
            int doc = LuceneDocs.docOf(s, page.get(i).id());
            docs[i] =
                doc < 0
                    ? null
                    : stored.document(doc, Set.of(IndexSchema.TITLE, IndexSchema.ABSTRACT));
          }
          String[] marked = new String[docs.length];
          if (snippets) {
            for (int i = 0; i < docs.length; i++) {
              String abs = docs[i] == null ? null : docs[i].get(IndexSchema.ABSTRACT);
              marked[i] =
                  docs[i] == null
                      ? null
                      : highlighter == null
                          ? QueryText.plainSnippet(abs)
                          : highlighter.highlight(abs);
            }
          }
          List<SearchHit> out = new ArrayList<>(page.size());
          for (int i = 0; i < docs.length; i++) {
            String title = docs[i] == null ? "" : docs[i].get(IndexSchema.TITLE);
            out.add(new SearchHit(page.get(i).id(), page.get(i).score(), title, marked[i]));
          }
          return out;
        });
  }
}
