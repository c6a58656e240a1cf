package org.paperboy.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.paperboy.app.Workspace;
import org.paperboy.index.Reindexer;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description =
        "Rebuild the search index from the store (stored embeddings are reused, never recomputed).")
final class ReindexCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Override
  public Integer call() {
    var config = main.config(Map.of());
    try (Workspace w = Workspace.open(config, main.err, false)) {
      long start = System.nanoTime();
      long n = Reindexer.rebuild(w.store, w.index, config.embeddingModel().key(), x -> {});
      main.out.printf("indexed %,d papers in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
      return ExitCodes.OK;
    }
  }
}
