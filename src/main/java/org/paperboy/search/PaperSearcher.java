package org.paperboy.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.paperboy.embed.Embedder;
import org.paperboy.index.Analyzers;
import org.paperboy.index.IndexSchema;
import org.paperboy.index.PaperIndex;

/**
 * Keyword (BM25), semantic (HNSW kNN) and hybrid search over a {@link PaperIndex}, plus similar
 * papers. Pure with respect to its inputs: the same index and query give the same ranking, ties
 * broken by paper id.
 */
public final class PaperSearcher {
  /** Candidates each side contributes to hybrid fusion (and the minimum kNN depth). */
  public static final int CANDIDATES = 100;

  /** Runs the semantic branch of hybrid queries; daemon threads, one per core. */
  private static final ExecutorService BRANCHES =
      Executors.newFixedThreadPool(
          Math.max(2, Runtime.getRuntime().availableProcessors()),
          r -> {
            Thread t = new Thread(r, "paperboy-semantic");
            t.setDaemon(true);
            return t;
          });

  /** Snippets are made for pages up to this size (CLI dumps of thousands skip them). */
  private static final int SNIPPET_PAGE_LIMIT = 100;

  private static final Sort BY_SCORE_THEN_ID =
      new Sort(SortField.FIELD_SCORE, new SortedSetSortField(IndexSchema.ID, false));

  private final PaperIndex index;
  private final Optional<Embedder> embedder;
  private final HybridFusion fusion;
  private final Function<String, Optional<float[]>> vectors;
  private final Analyzer analyzer = Analyzers.english();

  /**
   * @param embedder embeds queries for semantic and hybrid search; empty: keyword only
   * @param vectors a paper's stored vector, for similar papers
   */
  public PaperSearcher(
      PaperIndex index,
      Optional<Embedder> embedder,
      HybridFusion fusion,
      Function<String, Optional<float[]>> vectors) {
    this.index = index;
    this.embedder = embedder;
    this.fusion = fusion;
    this.vectors = vectors;
  }

  public SearchResults search(SearchRequest request) {
    UserQuery q = UserQuery.parse(request.query());
    List<String> notices = new ArrayList<>(q.notices());
    int depth = request.offset() + request.limit();
    SearchMode mode = request.mode();
    if (mode != SearchMode.KEYWORD && (!q.hasText() || embedder.isEmpty() || !hasVectors())) {
      if (q.hasText()) {
        notices.add(
            embedder.isEmpty()
                ? "semantic search is off; showing keyword results"
                : "no embeddings yet (run: paperboy embed); showing keyword results");
      }
      mode = SearchMode.KEYWORD;
    }
    boolean searchableText = textQuery(q, IndexSchema.CONTENTS) != null;
    if (!searchableText && filter(q) == null) {
      notices.add("the query has no searchable words");
      return new SearchResults(List.of(), notices);
    }
    List<ScoredId> ranked = rank(q, mode, depth);
    SearchSort sort = request.sort();
    if (!searchableText && sort == SearchSort.RELEVANCE) {
      sort = SearchSort.DATE; // filters alone: newest first
    }
    if (sort != SearchSort.RELEVANCE) {
      ranked = resort(ranked, sort);
    }
    int from = Math.min(request.offset(), ranked.size());
    int to = Math.min(depth, ranked.size());
    List<ScoredId> page = ranked.subList(from, to);
    return new SearchResults(hits(page, q, request.limit() <= SNIPPET_PAGE_LIMIT), notices);
  }

  /** The ranked ids for a parsed query, best first (used by search and by the evaluation). */
  public List<ScoredId> rank(UserQuery q, SearchMode mode, int n) {
    return switch (mode) {
      case KEYWORD -> keyword(q, n);
      case SEMANTIC -> semantic(q, Math.max(n, 1));
      case HYBRID -> {
        int k = Math.max(n, CANDIDATES);
        // The two branches are independent: the semantic one (query embedding + kNN) runs on
        // another core while this thread does BM25. The fused result does not depend on timing.
        CompletableFuture<List<ScoredId>> semantic =
            CompletableFuture.supplyAsync(() -> semantic(q, k), BRANCHES);
        List<ScoredId> lexical = keyword(q, k);
        try {
          yield fusion.fuse(lexical, semantic.join(), n);
        } catch (java.util.concurrent.CompletionException e) {
          throw e.getCause() instanceof RuntimeException r ? r : e;
        }
      }
    };
  }

  /** Nearest neighbours of a paper by its embedding, never the paper itself, with titles. */
  public Optional<List<SearchHit>> similar(String id, int limit) {
    return similarIds(id, limit).map(others -> hits(others, UserQuery.parse(""), false));
  }

  /**
   * Nearest neighbours as ids and scores only (no stored fields read): for callers that load the
   * papers from the store anyway. Empty when the paper has no embedding.
   */
  public Optional<List<ScoredId>> similarIds(String id, int limit) {
    Optional<float[]> v = vectors.apply(id);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    List<ScoredId> near = knn(v.get(), limit + 1, null);
    List<ScoredId> others = new ArrayList<>(near.size());
    for (ScoredId s : near) {
      if (!s.id().equals(id) && others.size() < limit) {
        others.add(s);
      }
    }
    return Optional.of(others);
  }

  private boolean hasVectors() {
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

  private List<ScoredId> keyword(UserQuery q, int n) {
    Query text = textQuery(q, IndexSchema.CONTENTS);
    Query filter = filter(q);
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
    return index.withSearcher(s -> ids(s, s.search(query, Math.max(n, 1), BY_SCORE_THEN_ID, true)));
  }

  private List<ScoredId> semantic(UserQuery q, int n) {
    float[] v = embedder.orElseThrow().embed(q.freeText());
    return knn(v, n, filter(q));
  }

  private List<ScoredId> knn(float[] v, int n, Query filter) {
    KnnFloatVectorQuery query = new KnnFloatVectorQuery(IndexSchema.VECTOR, v, n, filter);
    List<ScoredId> out = index.withSearcher(s -> ids(s, s.search(query, n)));
    out.sort(ScoredId.RANKING);
    return out;
  }

  private static List<ScoredId> ids(IndexSearcher s, TopDocs td) throws IOException {
    StoredFields stored = s.storedFields();
    List<ScoredId> out = new ArrayList<>(td.scoreDocs.length);
    for (ScoreDoc sd : td.scoreDocs) {
      String id = stored.document(sd.doc, Set.of(IndexSchema.ID)).get(IndexSchema.ID);
      out.add(new ScoredId(id, sd.score));
    }
    return out;
  }

  /**
   * A query matching the papers that contain every word and phrase of {@code q} and pass its
   * filters (for saved searches and followed keywords); null when {@code q} asks for nothing.
   */
  public Query matchQuery(UserQuery q) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 0;
    for (String w : q.words()) {
      for (String t : analyze(IndexSchema.CONTENTS, w)) {
        b.add(new TermQuery(new Term(IndexSchema.CONTENTS, t)), BooleanClause.Occur.FILTER);
        clauses++;
      }
    }
    for (String p : q.phrases()) {
      List<String> tokens = analyze(IndexSchema.CONTENTS, p);
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
  private Query textQuery(UserQuery q, String field) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 0;
    for (String w : q.words()) {
      for (String t : analyze(field, w)) {
        b.add(new TermQuery(new Term(field, t)), BooleanClause.Occur.SHOULD);
        clauses++;
      }
    }
    for (String p : q.phrases()) {
      List<String> tokens = analyze(field, p);
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
  private Query filter(UserQuery q) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 0;
    for (String a : q.authors()) {
      List<String> tokens = analyze(IndexSchema.AUTHORS, a);
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

  private List<String> analyze(String field, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
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

  private List<ScoredId> resort(List<ScoredId> ranked, SearchSort sort) {
    String field =
        sort == SearchSort.DATE ? IndexSchema.PUBLISHED_STORED : IndexSchema.UPVOTES_STORED;
    Map<String, Long> key = new HashMap<>();
    index.withSearcher(
        s -> {
          for (ScoredId r : ranked) {
            int doc = docOf(s, r.id());
            Document d = doc < 0 ? null : s.storedFields().document(doc, Set.of(field));
            Number n = d == null ? null : d.getField(field).numericValue();
            key.put(r.id(), n == null ? Long.MIN_VALUE : n.longValue());
          }
          return null;
        });
    List<ScoredId> out = new ArrayList<>(ranked);
    out.sort(
        Comparator.comparing((ScoredId r) -> key.get(r.id()), Comparator.reverseOrder())
            .thenComparing(ScoredId::id));
    return out;
  }

  private static int docOf(IndexSearcher s, String id) throws IOException {
    TopDocs td = s.search(new TermQuery(new Term(IndexSchema.ID, id)), 1);
    return td.scoreDocs.length == 0 ? -1 : td.scoreDocs[0].doc;
  }

  private List<SearchHit> hits(List<ScoredId> page, UserQuery q, boolean snippets) {
    return index.withSearcher(
        s -> {
          int[] docs = new int[page.size()];
          for (int i = 0; i < page.size(); i++) {
            docs[i] = docOf(s, page.get(i).id());
          }
          String[] marked = snippets ? snippets(s, q, docs) : new String[docs.length];
          List<SearchHit> out = new ArrayList<>(page.size());
          for (int i = 0; i < page.size(); i++) {
            Document d =
                docs[i] < 0
                    ? null
                    : s.storedFields()
                        .document(docs[i], Set.of(IndexSchema.TITLE, IndexSchema.ABSTRACT));
            String title = d == null ? "" : d.get(IndexSchema.TITLE);
            String snippet = marked[i];
            if (snippets && snippet == null && d != null) {
              snippet = escape(lead(d.get(IndexSchema.ABSTRACT)));
            }
            out.add(new SearchHit(page.get(i).id(), page.get(i).score(), title, snippet));
          }
          return out;
        });
  }

  private String[] snippets(IndexSearcher s, UserQuery q, int[] docs) throws IOException {
    Query hq = textQuery(q, IndexSchema.ABSTRACT);
    if (hq == null || docs.length == 0) {
      return new String[docs.length];
    }
    int[] valid = java.util.Arrays.stream(docs).filter(d -> d >= 0).toArray();
    UnifiedHighlighter highlighter =
        UnifiedHighlighter.builder(s, analyzer)
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
            .withHighlightPhrasesStrictly(true)
            .build();
    Map<String, String[]> result =
        highlighter.highlightFields(new String[] {IndexSchema.ABSTRACT}, hq, valid, new int[] {2});
    String[] byValid = result.get(IndexSchema.ABSTRACT);
    Map<Integer, String> byDoc = new HashMap<>();
    for (int i = 0; i < valid.length; i++) {
      byDoc.put(valid[i], byValid[i]);
    }
    String[] out = new String[docs.length];
    for (int i = 0; i < docs.length; i++) {
      out[i] = byDoc.get(docs[i]);
    }
    return out;
  }

  private static String lead(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= 240 ? text : text.substring(0, 240).strip() + " …";
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
