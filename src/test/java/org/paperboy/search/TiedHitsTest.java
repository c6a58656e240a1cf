package org.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.index.IndexSettings;
import org.paperboy.index.PaperIndex;
import org.paperboy.paper.Paper;

/**
 * Hits are collected by score alone and ties at the cut broken by id afterwards: the ranking must
 * be exactly (score, then id), both when the ties fit in the extra hits collected and when there
 * are more ties than that (the sorted search runs instead).
 */
class TiedHitsTest {
  @Test
  void tiesAreBrokenByIdWhateverTheirNumber(@TempDir Path tmp) {
    // Group g: papers whose text is "quantum" and g filler words, so each group scores lower than
    // the one before and its papers tie. Ids are written in shuffled order.
    assertThat(ranking(tmp.resolve("small"), 8, 5, 7)).isEqualTo(expected(8, 5, 7));
    assertThat(ranking(tmp.resolve("small-all"), 3, 5, 12)).isEqualTo(expected(3, 5, 12));
    assertThat(ranking(tmp.resolve("large"), 3, 40, 10)).isEqualTo(expected(3, 40, 10));
    assertThat(ranking(tmp.resolve("large-cut"), 3, 40, 55)).isEqualTo(expected(3, 40, 55));
  }

  private static List<String> ranking(Path dir, int groups, int perGroup, int n) {
    List<Paper> papers = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      for (int i = 0; i < perGroup; i++) {
        papers.add(
            Paper.builder(id(g, i))
                .title("quantum" + " lorem".repeat(g))
                .abstractText("ipsum")
                .build());
      }
    }
    Collections.shuffle(papers, new Random(3));
    try (PaperIndex index = PaperIndex.open(dir, new IndexSettings("none", 16, 100, false))) {
      for (int i = 0; i < papers.size(); i++) {
        index.upsert(papers.get(i), null);
        if (i % 17 == 16) {
          index.commit(); // several segments
        }
      }
      index.commit();
      return new LuceneSearchEngine(index)
          .keyword(UserQuery.plain("quantum"), n).stream().map(ScoredId::id).toList();
    }
  }

  private static List<String> expected(int groups, int perGroup, int n) {
    List<String> out = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      List<String> group = new ArrayList<>();
      for (int i = 0; i < perGroup; i++) {
        group.add(id(g, i));
      }
      Collections.sort(group);
      out.addAll(group);
    }
    return out.subList(0, Math.min(n, out.size()));
  }

  private static String id(int group, int i) {
    // Ids whose order differs from the order of i, so that doc order and id order disagree.
    return "p" + group + "-" + Integer.toString(i * 7919 % 1000 + 1000, 36);
  }
}
