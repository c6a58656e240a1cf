package org.paperboy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.paperboy.app.Workspace;
import org.paperboy.config.EmbeddingModelId;
import org.paperboy.config.HybridFusion;
import org.paperboy.embed.Embedder;
import org.paperboy.eval.BeirDataset;
import org.paperboy.eval.Evaluator;
import org.paperboy.eval.ModeScores;
import org.paperboy.search.SearchMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description =
        "Evaluate search quality on a BEIR-layout dataset (corpus.jsonl, queries.jsonl,"
            + " qrels/SPLIT.tsv) in a temporary index: nDCG@10 and Recall@100 per mode.")
final class EvalCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(paramLabel = "DIR", description = "The dataset directory.")
  Path dir;

  @Option(names = "--split", defaultValue = "test", description = "Which qrels file to use.")
  String split;

  @Option(names = "--mode", defaultValue = "all", description = "keyword, semantic, hybrid or all.")
  String mode;

  @Option(names = "--json", description = "Print {\"keyword\":{\"ndcg@10\":…,\"recall@100\":…},…}.")
  boolean json;

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      description = "Embedding model (default: the configured one).")
  String model;

  @Option(
      names = "--fusion",
      paramLabel = "METHOD",
      description = "Hybrid fusion: rrf or convex (default: configured).")
  String fusion;

  @Option(
      names = "--lexical-weight",
      paramLabel = "W",
      description = "Keyword weight in convex fusion.")
  Double lexicalWeight;

  @Option(
      names = "--int8",
      description = "Quantise vectors to int8 in the HNSW index (default: search.hnsw-int8).")
  Boolean int8;

  @Option(
      names = "--similar",
      description =
          "Evaluate similar papers instead of search: every query id is a corpus paper (a set from"
              + " `eval-set similar`); keyword = more-like-this, semantic = embedding neighbours,"
              + " hybrid = both fused.")
  boolean similar;

  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description = "Cache corpus embeddings here between runs.")
  Path cache;

  @Override
  public Integer call() throws IOException {
    var config = main.config(Map.of());
    List<SearchMode> modes;
    if (mode.equals("all")) {
      modes = List.of(SearchMode.values());
    } else {
      Optional<SearchMode> m = SearchMode.fromKey(mode);
      if (m.isEmpty()) {
        main.err.println(
            "paperboy: error: --mode: unknown mode '"
                + mode
                + "' (keyword, semantic, hybrid, all)");
        return ExitCodes.USAGE;
      }
      modes = List.of(m.get());
    }
    EmbeddingModelId modelId = config.embeddingModel();
    if (model != null) {
      Optional<EmbeddingModelId> m = EmbeddingModelId.fromKey(model);
      if (m.isEmpty()) {
        main.err.println(
            "paperboy: error: --model: unknown model '"
                + model
                + "' ("
                + EmbeddingModelId.keys()
                + ")");
        return ExitCodes.USAGE;
      }
      modelId = m.get();
    }
    HybridFusion f =
        new HybridFusion(
            fusion != null ? fusion : config.fusion().method(),
            lexicalWeight != null ? lexicalWeight : config.fusion().lexicalWeight());
    BeirDataset ds = BeirDataset.load(dir, split);
    Path work = Files.createTempDirectory("paperboy-eval");
    Map<SearchMode, ModeScores> scores;
    try (Embedder embedder = new Embedder(modelId)) {
      Evaluator e =
          new Evaluator(embedder, f)
              .quantized(int8 != null ? int8 : config.hnsw().int8())
              .onOpenSearch(config.embeddedSearch() ? null : java.net.URI.create(config.search()));
      scores =
          similar
              ? e.runSimilar(ds, modes, work, Optional.ofNullable(cache), n -> {})
              : e.run(ds, modes, work, Optional.ofNullable(cache), n -> {});
    } finally {
      Workspace.deleteTree(work);
    }
    if (json) {
      ObjectMapper mapper = new ObjectMapper();
      ObjectNode root = mapper.createObjectNode();
      scores.forEach(
          (m, s) -> {
            ObjectNode o = root.putObject(m.key());
            o.put("ndcg@10", round(s.ndcgAt10()));
            o.put("recall@100", round(s.recallAt100()));
          });
      main.out.println(mapper.writeValueAsString(root));
    } else {
      main.out.printf(
          "%s (%s split%s): %,d documents, %,d judged queries; model %s, fusion %s%n",
          dir,
          split,
          similar ? ", similar papers" : "",
          ds.corpus().size(),
          ds.queries().size(),
          modelId.key(),
          describe(f));
      main.out.printf("%-9s %8s %10s%n", "mode", "nDCG@10", "R@100");
      scores.forEach(
          (m, s) -> main.out.printf("%-9s %8.4f %10.4f%n", m.key(), s.ndcgAt10(), s.recallAt100()));
    }
    return ExitCodes.OK;
  }

  private static String describe(HybridFusion f) {
    return f.method().equals("rrf")
        ? "rrf (k=60)"
        : "convex (lexical weight " + f.lexicalWeight() + ")";
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
