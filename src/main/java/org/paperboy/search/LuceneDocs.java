package org.paperboy.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
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
    ScoreDoc[] hits = td.scoreDocs;
    Integer[] byDoc = new Integer[hits.length];
    for (int i = 0; i < hits.length; i++) {
      byDoc[i] = i;
    }
    // Doc values iterate forwards only: look the hits up in doc order, per segment.
    java.util.Arrays.sort(byDoc, java.util.Comparator.comparingInt(i -> hits[i].doc));
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

  /**
   * The live document of paper {@code id}, or -1: a term lookup per segment (a TermQuery search per
   * id cost ~50 µs, which made scoring 200 fusion candidates the bulk of a similar-papers request).
   */
  static int docOf(IndexSearcher s, String id) throws IOException {
    org.apache.lucene.util.BytesRef term = new org.apache.lucene.util.BytesRef(id);
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      org.apache.lucene.index.Terms terms = leaf.reader().terms(IndexSchema.ID);
      if (terms == null) {
        continue;
      }
      org.apache.lucene.index.TermsEnum te = terms.iterator();
      if (!te.seekExact(term)) {
        continue;
      }
      org.apache.lucene.index.PostingsEnum docs =
          te.postings(null, org.apache.lucene.index.PostingsEnum.NONE);
      org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
      for (int d = docs.nextDoc();
          d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
          d = docs.nextDoc()) {
        if (live == null || live.get(d)) {
          return leaf.docBase + d;
        }
      }
    }
    return -1;
  }
}
