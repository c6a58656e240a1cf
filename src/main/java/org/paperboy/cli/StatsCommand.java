package org.paperboy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
    try (PaperStore store = Stores.open(main.config(Map.of()))) {
      s = store.stats();
    }
    if (json) {
      main.out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(s));
      return ExitCodes.OK;
    }
    main.out.printf(
        "papers: %,d (%,d known by title only, %,d deleted)%n",
        s.papers(), s.provisional(), s.deleted());
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
