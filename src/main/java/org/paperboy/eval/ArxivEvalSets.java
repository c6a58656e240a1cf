package org.paperboy.eval;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.paperboy.paper.Paper;

/**
 * Evaluation sets built from arXiv listings, in BEIR's layout, for choices that must not be fitted
 * on the benchmark they are judged by (SciFact test):
 *
 * <ul>
 *   <li>{@link #titles}: each query is a paper's title, the one relevant document its abstract
 *       (without the title) among the abstracts of other papers of the same category. Like a
 *       SciFact claim, a title states a finding in a sentence, and its abstract is the evidence.
 *   <li>{@link #similar}: each query is a paper of the corpus; relevant are the other papers that
 *       share at least {@code minShared} authors with it (grade 1 at {@code minShared}, 2 above).
 *       Neither the embeddings nor the words of a paper are an input of the judgment, so it can
 *       rank embedding neighbours, more-like-this and their fusion fairly. One shared name is a
 *       weak signal (common names join unrelated people), two are a strong one.
 * </ul>
 *
 * Both draw a seeded sample of the papers whose primary category is {@code category}, so the same
 * input, category and seed always give the same set.
 */
public final class ArxivEvalSets {
  private ArxivEvalSets() {}

  public static BeirDataset titles(
      List<Paper> papers, String category, int corpusSize, int queryCount, long seed) {
    List<Paper> sample = sample(papers, category, corpusSize, seed);
    List<BeirDataset.Doc> corpus = new ArrayList<>();
    for (Paper p : sample) {
      corpus.add(new BeirDataset.Doc(p.id(), "", p.abstractText()));
    }
    Map<String, String> queries = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    for (Paper p : sample.subList(0, Math.min(queryCount, sample.size()))) {
      queries.put(p.id(), p.title());
      qrels.put(p.id(), Map.of(p.id(), 1));
    }
    return new BeirDataset(corpus, queries, qrels);
  }

  /**
   * The similar-papers set: queries (by paper id, the title as text) are papers with at least
   * {@code minRelated} co-author papers in the corpus; at most {@code queryCount} of them.
   */
  public static BeirDataset similar(
      List<Paper> papers,
      String category,
      int corpusSize,
      int queryCount,
      int minRelated,
      int minShared,
      long seed) {
    List<Paper> sample = sample(papers, category, corpusSize, seed);
    Map<String, List<Integer>> byAuthor = new HashMap<>();
    List<Set<String>> keys = new ArrayList<>();
    for (int i = 0; i < sample.size(); i++) {
      Set<String> k = new HashSet<>();
      for (String a : sample.get(i).authors()) {
        String key = authorKey(a);
        if (key != null && k.add(key)) {
          byAuthor.computeIfAbsent(key, x -> new ArrayList<>()).add(i);
        }
      }
      keys.add(k);
    }
    List<BeirDataset.Doc> corpus = new ArrayList<>();
    Map<String, String> queries = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    for (int i = 0; i < sample.size(); i++) {
      Paper p = sample.get(i);
      corpus.add(new BeirDataset.Doc(p.id(), p.title(), p.abstractText()));
      if (queries.size() >= queryCount) {
        continue;
      }
      Map<Integer, Integer> shared = new HashMap<>();
      for (String key : keys.get(i)) {
        for (int j : byAuthor.get(key)) {
          if (j != i) {
            shared.merge(j, 1, Integer::sum);
          }
        }
      }
      Map<String, Integer> judged = new HashMap<>();
      shared.forEach(
          (j, n) -> {
            if (n >= minShared) {
              judged.put(sample.get(j).id(), n == minShared ? 1 : 2);
            }
          });
      if (judged.size() < minRelated) {
        continue;
      }
      queries.put(p.id(), p.title());
      qrels.put(p.id(), judged);
    }
    return new BeirDataset(corpus, queries, qrels);
  }

  /**
   * An author's identity for the judgments: accents removed, lower case, letters and spaces only;
   * names of one word (often a collaboration or a mononym) are not used.
   */
  static String authorKey(String name) {
    String plain =
        Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^\\p{L} ]", " ")
            .strip()
            .replaceAll("\\s+", " ");
    return plain.contains(" ") ? plain : null;
  }

  private static List<Paper> sample(List<Paper> papers, String category, int size, long seed) {
    List<Paper> pool = new ArrayList<>();
    for (Paper p : papers) {
      boolean inCategory =
          category == null || (!p.categories().isEmpty() && p.categories().get(0).equals(category));
      if (inCategory
          && p.title() != null
          && !p.title().isBlank()
          && p.abstractText() != null
          && !p.abstractText().isBlank()) {
        pool.add(p);
      }
    }
    pool.sort(Comparator.comparing(Paper::id));
    RecsSimulation.shuffle(pool, new SplittableRandom(seed));
    return pool.subList(0, Math.min(size, pool.size()));
  }
}
