package org.paperboy.bench;

import java.nio.file.Path;
import org.paperboy.index.IndexSettings;
import org.paperboy.index.PaperIndex;

/**
 * Benchmark only: how long merging an index (a copy: it is changed) down to N segments takes with
 * the product's codec and HNSW merge threads. Usage: MergeTiming INDEX_DIR MAX_SEGMENTS [M EF].
 */
public final class MergeTiming {
  private MergeTiming() {}

  public static void main(String[] args) {
    int m = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    int ef = args.length > 3 ? Integer.parseInt(args[3]) : 64;
    IndexSettings settings = new IndexSettings("bge-small-en-v1.5-q", m, ef, false);
    try (PaperIndex index = PaperIndex.open(Path.of(args[0]), settings)) {
      if (index.rebuildNeeded()) {
        throw new IllegalStateException("index settings differ; it was emptied");
      }
      long t0 = System.nanoTime();
      index.forceMerge(Integer.parseInt(args[1]));
      System.out.printf(
          "merged to <= %s segments in %.1f s%n", args[1], (System.nanoTime() - t0) / 1e9);
    }
  }
}
