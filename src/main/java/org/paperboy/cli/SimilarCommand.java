package org.paperboy.cli;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.paperboy.app.Workspace;
import org.paperboy.paper.ArxivId;
import org.paperboy.search.SearchHit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "similar",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description =
        "Papers most similar to a paper: its embedding neighbours fused with a more-like-this of"
            + " its title and abstract (more-like-this alone before it is embedded).")
final class SimilarCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(paramLabel = "ARXIV_ID", description = "The paper, e.g. 2311.01234 or an arXiv URL.")
  String id;

  @Option(names = "--limit", defaultValue = "10", description = "Results (1 to 10000).")
  int limit;

  @Option(names = "--json", description = "Print a JSON array of {id, score, title}.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    if (limit < 1 || limit > 10_000) {
      main.err.println("paperboy: error: --limit must be between 1 and 10000");
      return ExitCodes.USAGE;
    }
    String key = ArxivId.parse(id).map(ArxivId::id).orElse(id.strip());
    try (Workspace w = Workspace.open(main.config(Map.of()), main.err)) {
      if (w.store.find(key).filter(p -> !p.deleted()).isEmpty()) {
        main.err.println("paperboy: error: no paper with id '" + id + "'");
        return ExitCodes.FAILED;
      }
      Optional<List<SearchHit>> hits = w.searcher(Optional.empty()).similar(key, limit);
      if (hits.isEmpty()) {
        main.err.println(
            "paperboy: error: paper "
                + key
                + " is not in the search index (run: paperboy reindex)");
        return ExitCodes.FAILED;
      }
      SearchCommand.print(main, hits.get(), json);
      return ExitCodes.OK;
    }
  }
}
