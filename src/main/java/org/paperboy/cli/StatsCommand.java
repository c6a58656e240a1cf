package org.paperboy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperboy.store.PaperStore;
import org.paperboy.store.StoreStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = "Counts of papers: by source, by year of first publication, by primary category.")
final class StatsCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Option(
      names = "--top",
      defaultValue = "20",
      description = "Categories to list in text output (all in --json).")
  int top;

  @Override
  public Integer call() throws IOException {
    StoreStats s;
    var config = main.config(Map.of());
    String model = config.embeddingModel().key();
    long embedded;
    try (PaperStore store = Stores.open(config)) {
      s = store.stats();
      embedded = store.countEmbedded(model);
    }
    if (json) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ObjectNode tree = mapper.valueToTree(s);
      tree.putObject("embeddings").put("model", model).put("embedded", embedded);
      main.out.println(mapper.writeValueAsString(tree));
      return ExitCodes.OK;
    }
    main.out.printf(
        "papers: %,d (%,d known by title only, %,d deleted)%n",
        s.papers(), s.provisional(), s.deleted());
    main.out.printf(
        "embeddings (%s): %,d of %,d (%.1f%%)%n",
        model, embedded, s.papers(), s.papers() == 0 ? 100.0 : 100.0 * embedded / s.papers());
    print("by source", s.bySource(), Integer.MAX_VALUE);
    print("by year", s.byYear(), Integer.MAX_VALUE);
    print("by primary category (top " + top + ")", s.byPrimaryCategory(), top);
    return ExitCodes.OK;
  }

  private void print(String heading, Map<String, Long> counts, int limit) {
    main.out.println(heading + ":");
    counts.entrySet().stream()
        .limit(limit)
        .forEach(e -> main.out.printf("  %-16s %,10d%n", e.getKey(), e.getValue()));
  }
}
