package org.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.config.HybridFusion;
import org.paperboy.eval.BeirDataset;
import org.paperboy.index.IndexSettings;
import org.paperboy.index.PaperIndex;
import org.paperboy.paper.Paper;
import org.paperboy.testing.SharedData;

/**
 * Convex fusion scores every candidate on both sides: the engine's scores for given papers must be
 * exactly the scores its rankings give them, and a paper one side did not find must be ranked with
 * its real score from that side rather than none.
 */
class CandidateScoresTest {
  @Test
  void scoresOfGivenPapersAreTheirScoresInTheRankings(@TempDir Path tmp) {
    List<BeirDataset.Doc> docs =
        BeirDataset.load(SharedData.path("beir-scifact"), "test").corpus().subList(0, 400);
    SplittableRandom random = new SplittableRandom(7);
    Map<String, float[]> vectors = new HashMap<>();
    try (PaperIndex index =
        PaperIndex.open(tmp.resolve("index"), new IndexSettings("test", 16, 100, false))) {
      for (BeirDataset.Doc d : docs) {
        float[] v = unit(random);
        vectors.put(d.id(), v);
        index.upsert(Paper.builder(d.id()).title(d.title()).abstractText(d.text()).build(), v);
      }
      index.commit();
      LuceneSearchEngine engine = new LuceneSearchEngine(index);
      float[] query = vectors.get(docs.get(3).id());
      List<ScoredId> near = engine.nearest(query, 20, UserQuery.parse(""));
      List<String> ids = new ArrayList<>();
      near.forEach(s -> ids.add(s.id()));
      Map<String, Float> scores = engine.vectorScores(query, ids);
      for (ScoredId s : near) {
        assertThat(scores.get(s.id())).as(s.id()).isEqualTo((float) s.score());
      }
      assertThat(engine.vectorScores(query, List.of("no-such-paper"))).isEmpty();

      // More-like-this: the restricted scores are the ranking's scores.
      List<ScoredId> like = engine.moreLikeThis(docs.get(5).id(), 15);
      Map<String, Float> likeScores =
          engine.moreLikeThisScores(docs.get(5).id(), like.stream().map(ScoredId::id).toList());
      for (ScoredId s : like) {
        assertThat(likeScores.get(s.id())).as(s.id()).isEqualTo((float) s.score());
      }

      // Hybrid with convex fusion over 400 papers: every result has a BM25 match, and the paper
      // nearest the query vector (found by kNN alone: it has no query word) is still ranked.
      PaperSearcher searcher =
          new PaperSearcher(
              index,
              Optional.of(text -> query),
              new HybridFusion("convex", 0.4),
              id -> Optional.ofNullable(vectors.get(id)));
      UserQuery q = UserQuery.plain("cancer tumor cells");
      List<ScoredId> lexical = searcher.rank(q, SearchMode.KEYWORD, 100);
      List<ScoredId> hybrid = searcher.rank(q, SearchMode.HYBRID, 400);
      assertThat(lexical).isNotEmpty();
      assertThat(lexical.stream().map(ScoredId::id)).doesNotContain(docs.get(3).id());
      assertThat(hybrid.stream().map(ScoredId::id)).contains(docs.get(3).id());
      // Scores are weighted sums of [0, 1]-normalised scores.
      assertThat(hybrid.get(0).score()).isGreaterThan(0.4).isLessThanOrEqualTo(1.0);
    }
  }

  private static float[] unit(SplittableRandom random) {
    float[] v = new float[8];
    double norm = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextGaussian();
      norm += v[i] * v[i];
    }
    for (int i = 0; i < v.length; i++) {
      v[i] /= (float) Math.sqrt(norm);
    }
    return v;
  }
}
