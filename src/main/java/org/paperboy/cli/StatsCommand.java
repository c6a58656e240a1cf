package org.paperboy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperboy.app.Stores;
import org.paperboy.digest.Outbox;
import org.paperboy.digest.SubscriptionStore;
import org.paperboy.harvest.HarvestState;
import org.paperboy.harvest.HarvestStore;
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
    List<HarvestState> harvests;
    Map<String, Long> subscriptions;
    Map<String, Long> outbox;
    Stores.Opened opened = Stores.openAll(config);
    try (PaperStore store = opened.papers()) {
      s = store.stats();
      embedded = store.embeddings().count(model);
      harvests = new HarvestStore(opened.jdbc()).all();
      subscriptions = new SubscriptionStore(opened.jdbc()).counts();
      outbox = new Outbox(opened.jdbc()).counts();
    }
    if (json) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ObjectNode tree = mapper.valueToTree(s);
      tree.putObject("embeddings").put("model", model).put("embedded", embedded);
      var h = tree.putArray("harvests");
      for (HarvestState st : harvests) {
        ObjectNode n = h.addObject();
        n.put("source", st.source());
        n.put("lastSuccess", str(st.lastSuccess()));
        n.put("lastError", st.lastError());
        n.put("lastErrorAt", str(st.lastErrorAt()));
        n.put("errorCount", st.errorCount());
        n.put("nextRun", str(st.nextRun()));
        n.put("incrementalFrom", st.incrementalFrom());
        n.put("unfinished", st.cursor() != null);
      }
      ObjectNode digests = tree.putObject("digests");
      digests.set("subscriptions", mapper.valueToTree(subscriptions));
      digests.set("outbox", mapper.valueToTree(outbox));
      main.out.println(mapper.writeValueAsString(tree));
      return ExitCodes.OK;
    }
    main.out.printf(
        "papers: %,d (%,d known by title only, %,d deleted)%n",
        s.papers(), s.provisional(), s.deleted());
    main.out.printf(
        "embeddings (%s): %,d of %,d (%.1f%%)%n",
        model, embedded, s.papers(), s.papers() == 0 ? 100.0 : 100.0 * embedded / s.papers());
    for (HarvestState st : harvests) {
      main.out.printf(
          "harvest %s: last success %s; %s; next run %s%s%n",
          st.source(),
          st.lastSuccess() == null ? "never" : st.lastSuccess(),
          st.errorCount() == 0
              ? "no errors"
              : st.errorCount() + " error(s) since, last: " + st.lastError(),
          st.nextRun() == null ? "not scheduled" : st.nextRun(),
          st.cursor() != null ? "; unfinished (the next run resumes)" : "");
    }
    if (!subscriptions.isEmpty()) {
      main.out.println("digest subscriptions: " + subscriptions + "; outbox: " + outbox);
    }
    print("by source", s.bySource(), Integer.MAX_VALUE);
    print("by year", s.byYear(), Integer.MAX_VALUE);
    print("by primary category (top " + top + ")", s.byPrimaryCategory(), top);
    return ExitCodes.OK;
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }

  private void print(String heading, Map<String, Long> counts, int limit) {
    main.out.println(heading + ":");
    counts.entrySet().stream()
        .limit(limit)
        .forEach(e -> main.out.printf("  %-16s %,10d%n", e.getKey(), e.getValue()));
  }
}
