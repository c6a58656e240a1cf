package org.paperboy.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.paperboy.app.Workspace;
import org.paperboy.embed.Embedder;
import org.paperboy.embed.EmbeddingStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "embed",
    mixinStandardHelpOptions = true,
    description = {
      "Compute sentence embeddings for every paper that has none yet (resumable: stop it any time,"
          + " run it again to go on), store them and add them to the search index."
    })
final class EmbedCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Override
  public Integer call() {
    var config = main.config(Map.of());
    try (Workspace w = Workspace.open(config, main.err);
        Embedder embedder = new Embedder(config.embeddingModel())) {
      String model = config.embeddingModel().key();
      long todo = w.store.countLive() - w.store.embeddings().count(model);
      long start = System.nanoTime();
      long done;
      if (System.console() != null && !quiet && todo > 0) {
        try (ProgressBar bar =
            new ProgressBarBuilder()
                .setTaskName("embed")
                .setInitialMax(todo)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" papers", 1)
                .build()) {
          done = EmbeddingStage.run(w.store, embedder, w.index, bar::stepTo);
        }
      } else {
        done = EmbeddingStage.run(w.store, embedder, w.index, n -> {});
      }
      double seconds = Math.max(1, System.nanoTime() - start) / 1e9;
      main.out.printf(
          "embedded %,d papers with %s in %.1f s (%,.1f papers/s); %,d of %,d papers have embeddings%n",
          done,
          model,
          seconds,
          done / seconds,
          w.store.embeddings().count(model),
          w.store.countLive());
      return ExitCodes.OK;
    }
  }
}
