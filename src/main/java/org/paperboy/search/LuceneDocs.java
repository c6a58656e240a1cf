package org.paperboy.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.paperboy.index.IndexSchema;

/** Between paper ids and Lucene documents, fast: hits to ids by doc values, an id to its doc. */
final class LuceneDocs {
  private LuceneDocs() {}

  /**
   * The paper ids of the hits, read from the id field's doc values: reading them from stored fields
   * decompressed a block of abstracts per hit and was most of the cost of a query on 1M papers
   * (measured: 100 hits, ~5 ms).
   */
  static List<ScoredId> ids(IndexSearcher s, TopDocs td) throws IOException {
    return ids(s, td.scoreDocs);
  }

  /** The paper ids of {@code hits}, with their scores, in the same order. */
  static List<ScoredId> ids(IndexSearcher s, ScoreDoc[] hits) throws IOException {
    Integer[] byDoc = new Integer[hits.length];
    for (int i = 0; i < hits.length; i++) {
      byDoc[i] = i;
    }
    // Doc values iterate forwards only: look the hits up in doc order, per segment.
    Arrays.sort(byDoc, Comparator.comparingInt(i -> hits[i].doc));
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    String[] ids = new String[hits.length];
    int leaf = -1;
    SortedSetDocValues values = null;
    for (int i : byDoc) {
      int doc = hits[i].doc;
      int l = ReaderUtil.subIndex(doc, leaves);
      if (l != leaf) {
        leaf = l;
        values = DocValues.getSortedSet(leaves.get(l).reader(), IndexSchema.ID);
      }
      if (!values.advanceExact(doc - leaves.get(l).docBase)) {
        throw new IllegalStateException("index document without an id");
      }
      ids[i] = values.lookupOrd(values.nextOrd()).utf8ToString();
    }
    List<ScoredId> out = new ArrayList<>(hits.length);
    for (int i = 0; i < hits.length; i++) {
      out.add(new ScoredId(ids[i], hits[i].score));
    }
    return out;
  }

  /** The ranking order: score, then paper id. */
  static final Sort BY_SCORE_THEN_ID =
      new Sort(SortField.FIELD_SCORE, new SortedSetSortField(IndexSchema.ID, false));

  /**
   * Extra hits collected beyond n so that ties at the cut can be broken by id (see {@link #top}).
   */
  static final int TIE_MARGIN = 16;

  /**
   * The best {@code n} hits of {@code query} by score, ties broken by paper id: the same list as a
   * search sorted by (score, id), but collected by score alone, which lets Lucene skip documents
   * that cannot make the top (block-max MaxScore; a sort on a field turns that off). The search
   * keeps {@code n + TIE_MARGIN} hits; when the last of them scores below the n-th, every document
   * tied with the n-th is among them and sorting them by (score, id) is exact. Otherwise (more ties
   * than the margin, e.g. copies of one text) the sorted search runs instead.
   */
  static List<ScoredId> top(IndexSearcher s, Query query, int n) throws IOException {
    int want = Math.max(n, 1);
    TopDocs td = s.search(query, want + TIE_MARGIN);
    ScoreDoc[] hits = td.scoreDocs;
    if (hits.length == want + TIE_MARGIN && hits[hits.length - 1].score >= hits[want - 1].score) {
      return ids(s, s.search(query, want, BY_SCORE_THEN_ID, true));
    }
    List<ScoredId> out = new ArrayList<>(ids(s, td));
    out.sort(ScoredId.RANKING);
    return out.size() > want ? List.copyOf(out.subList(0, want)) : out;
  }

  /**
   * The live documents of papers {@code ids}, in document order (ids not in the index are left
   * out): one terms enum per segment and the ids sought in sorted order, instead of a {@link
   * #docOf} per id (which starts a terms enum per id and segment).
   */
  static int[] docsOf(IndexSearcher s, Collection<String> ids) throws IOException {
    List<BytesRef> terms = new ArrayList<>(ids.size());
    for (String id : new TreeSet<>(ids)) {
      terms.add(new BytesRef(id));
    }
    int[] out = new int[terms.size()];
    int n = 0;
    boolean[] found = new boolean[terms.size()];
    PostingsEnum docs = null;
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      Terms idTerms = leaf.reader().terms(IndexSchema.ID);
      if (idTerms == null) {
        continue;
      }
      TermsEnum te = idTerms.iterator();
      Bits live = leaf.reader().getLiveDocs();
      for (int i = 0; i < terms.size(); i++) {
        if (found[i] || !te.seekExact(terms.get(i))) {
          continue;
        }
        docs = te.postings(docs, PostingsEnum.NONE);
        for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
          if (live == null || live.get(d)) {
            out[n++] = leaf.docBase + d;
            found[i] = true;
            break;
          }
        }
      }
    }
    int[] sorted = Arrays.copyOf(out, n);
    Arrays.sort(sorted);
    return sorted;
  }

  /**
   * The scores {@code query} gives the documents {@code docs} (in document order; those it does not
   * match are left out), by advancing one scorer per segment to each of them: a search of the query
   * restricted to the ids cost ~3× more (100 ids, a 25-term more-like-this query).
   */
  static ScoreDoc[] scores(IndexSearcher s, Query query, int[] docs) throws IOException {
    Weight w = s.createWeight(s.rewrite(query), ScoreMode.COMPLETE, 1f);
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    List<ScoreDoc> out = new ArrayList<>(docs.length);
    int leaf = -1;
    Scorer scorer = null;
    for (int doc : docs) {
      int l = ReaderUtil.subIndex(doc, leaves);
      if (l != leaf) {
        leaf = l;
        scorer = w.scorer(leaves.get(l));
      }
      if (scorer == null) {
        continue;
      }
      int local = doc - leaves.get(l).docBase;
      DocIdSetIterator it = scorer.iterator();
      if (it.docID() < local) {
        it.advance(local);
      }
      if (it.docID() == local) {
        out.add(new ScoreDoc(doc, scorer.score()));
      }
    }
    return out.toArray(ScoreDoc[]::new);
  }

  /**
   * The live document of paper {@code id}, or -1: a term lookup per segment (a TermQuery search per
   * id cost ~50 µs, which made scoring 200 fusion candidates the bulk of a similar-papers request).
   */
  static int docOf(IndexSearcher s, String id) throws IOException {
    BytesRef term = new BytesRef(id);
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(IndexSchema.ID);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      if (!te.seekExact(term)) {
        continue;
      }
      PostingsEnum docs = te.postings(null, PostingsEnum.NONE);
      Bits live = leaf.reader().getLiveDocs();
      for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
        if (live == null || live.get(d)) {
          return leaf.docBase + d;
        }
      }
    }
    return -1;
  }
}
