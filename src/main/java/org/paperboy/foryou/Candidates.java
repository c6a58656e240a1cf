package org.paperboy.foryou;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.paperboy.index.IndexSchema;

/**
 * Scores every candidate paper of a query in one pass over the index: the Lucene score (number of
 * matched topics) plus a per-paper base score computed from the paper's vector, or from its upvotes
 * and day when the reader has no model yet. Keeps global doc ids and scores; the caller picks the
 * top.
 */
final class Candidates implements CollectorManager<Candidates.Leaf, Candidates.Scored> {
  /** How a paper's base score is computed. */
  interface Base {
    /**
     * @param vector the paper's embedding, or null when it has none
     * @param upvotes Hugging Face upvotes from the index
     * @param day the paper's Daily Papers day, else its publication day (epoch day)
     */
    double score(float[] vector, int upvotes, long day);
  }

  /** Scores in the order collected, with their global doc ids. */
  record Scored(int[] docs, double[] scores, int size) {}

  private final Base base;
  private final double topicWeight;

  Candidates(Base base, double topicWeight) {
    this.base = base;
    this.topicWeight = topicWeight;
  }

  @Override
  public Leaf newCollector() {
    return new Leaf();
  }

  @Override
  public Scored reduce(java.util.Collection<Leaf> collectors) {
    int n = 0;
    for (Leaf l : collectors) {
      n += l.size;
    }
    int[] docs = new int[n];
    double[] scores = new double[n];
    int i = 0;
    for (Leaf l : collectors) {
      System.arraycopy(l.docs, 0, docs, i, l.size);
      System.arraycopy(l.scores, 0, scores, i, l.size);
      i += l.size;
    }
    return new Scored(docs, scores, n);
  }

  final class Leaf implements Collector {
    private int[] docs = new int[1024];
    private double[] scores = new double[1024];
    private int size;

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      FloatVectorValues vectors = context.reader().getFloatVectorValues(IndexSchema.VECTOR);
      KnnVectorValues.DocIndexIterator vectorDocs = vectors == null ? null : vectors.iterator();
      SortedNumericDocValues upvotes =
          DocValues.getSortedNumeric(context.reader(), IndexSchema.UPVOTES);
      SortedNumericDocValues daily =
          DocValues.getSortedNumeric(context.reader(), IndexSchema.DAILY);
      SortedNumericDocValues published =
          DocValues.getSortedNumeric(context.reader(), IndexSchema.PUBLISHED);
      int docBase = context.docBase;
      return new LeafCollector() {
        private Scorable scorer;

        @Override
        public void setScorer(Scorable scorer) {
          this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
          float[] v = null;
          if (vectorDocs != null
              && (vectorDocs.docID() == doc
                  || (vectorDocs.docID() < doc && vectorDocs.advance(doc) == doc))) {
            v = vectors.vectorValue(vectorDocs.index());
          }
          int up = upvotes.advanceExact(doc) ? (int) upvotes.nextValue() : 0;
          long day;
          if (daily.advanceExact(doc)) {
            day = daily.nextValue();
          } else {
            day = published.advanceExact(doc) ? published.nextValue() : Long.MIN_VALUE;
          }
          add(docBase + doc, base.score(v, up, day) + topicWeight * scorer.score());
        }
      };
    }

    private void add(int doc, double score) {
      if (size == docs.length) {
        docs = java.util.Arrays.copyOf(docs, size * 2);
        scores = java.util.Arrays.copyOf(scores, size * 2);
      }
      docs[size] = doc;
      scores[size++] = score;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE;
    }
  }

  /** Up to {@code n} random vectors of the whole index, the same for the same seed and index. */
  static List<float[]> sample(org.apache.lucene.search.IndexSearcher searcher, int n, long seed)
      throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    List<FloatVectorValues> values = new ArrayList<>();
    long total = 0;
    for (LeafReaderContext c : leaves) {
      FloatVectorValues v = c.reader().getFloatVectorValues(IndexSchema.VECTOR);
      values.add(v);
      total += v == null ? 0 : v.size();
    }
    List<float[]> out = new ArrayList<>();
    if (total == 0) {
      return out;
    }
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      long pick = random.nextLong(total);
      for (FloatVectorValues v : values) {
        int size = v == null ? 0 : v.size();
        if (pick < size) {
          out.add(v.vectorValue((int) pick).clone());
          break;
        }
        pick -= size;
      }
    }
    return out;
  }
}
