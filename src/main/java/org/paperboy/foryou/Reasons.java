package org.paperboy.foryou;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paperboy.feed.Period;
import org.paperboy.paper.Paper;

/** The reason line under each "for you" pick: which upvoted paper, topic or category it follows. */
final class Reasons {
  private Reasons() {}

  /**
   * For each of {@code ids} with a vector, the upvoted paper most like it when their cosine is
   * above {@link Recommender#SIMILAR_ENOUGH} (ties to the smaller id).
   */
  static Map<String, String> nearestUpvoted(
      List<String> ids, Map<String, float[]> vectors, Map<String, float[]> positives) {
    Map<String, String> nearest = new HashMap<>();
    for (String id : ids) {
      float[] v = vectors.get(id);
      if (v == null) {
        continue;
      }
      String best = null;
      double bestSim = Recommender.SIMILAR_ENOUGH;
      for (var p : positives.entrySet()) {
        double sim = dot(v, p.getValue());
        if (sim > bestSim || (sim == bestSim && best != null && p.getKey().compareTo(best) < 0)) {
          best = p.getKey();
          bestSim = sim;
        }
      }
      if (best != null) {
        nearest.put(id, best);
      }
    }
    return nearest;
  }

  /** “Title”, which you upvoted (or: from your library, for a paper from an imported library). */
  static String liked(String title, boolean fromLibrary) {
    return "“"
        + shorten(title)
        + (fromLibrary ? "”, from your imported library" : "”, which you upvoted");
  }

  static String reason(
      String id,
      Map<String, List<Topic>> matched,
      Map<String, String> nearest,
      Map<String, String> titles,
      String category,
      boolean personal,
      Period period) {
    List<String> parts = new ArrayList<>();
    String near = nearest.get(id);
    if (near != null && titles.containsKey(near)) {
      parts.add("Similar to " + titles.get(near));
    }
    List<Topic> all = matched.getOrDefault(id, List.of());
    List<String> by =
        all.stream().filter(t -> t.kind() == Topic.Kind.AUTHOR).map(Topic::value).toList();
    if (!by.isEmpty()) {
      parts.add(
          (parts.isEmpty() ? "By " : "by ")
              + String.join(", ", by.subList(0, Math.min(3, by.size())))
              + ", whom you follow");
    }
    List<Topic> ts = all.stream().filter(t -> t.kind() != Topic.Kind.AUTHOR).toList();
    if (!ts.isEmpty()) {
      String labels = String.join(", ", ts.stream().limit(3).map(Topic::label).toList());
      parts.add(
          (parts.isEmpty() ? "Matches" : "matches")
              + " your "
              + (ts.size() == 1 ? "topic " : "topics ")
              + labels);
    }
    if (parts.isEmpty() && category != null) {
      parts.add(category);
    }
    if (parts.isEmpty()) {
      parts.add(
          personal
              ? "Close to the papers you upvoted"
              : "Trending "
                  + (period.kind() == Period.Kind.DAY ? "today" : "this " + period.kind().key()));
    }
    return String.join("; ", parts);
  }

  /** "In cs.CL, like 40% of the papers you upvoted" for the reader's most shared category. */
  static String inYourCategory(Paper p, Map<String, Double> categories) {
    for (var c : categories.entrySet()) {
      if (p.categories().contains(c.getKey())) {
        return "In "
            + c.getKey()
            + ", like "
            + Math.round(c.getValue() * 100)
            + "% of the papers you upvoted";
      }
    }
    return null;
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static String shorten(String title) {
    return title.length() <= 80 ? title : title.substring(0, 77).strip() + "…";
  }
}
