package org.paperboy.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperboy.app.Workspace;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.index.Reindexer;
import org.paperboy.opensearch.OpenSearchClient;
import org.paperboy.opensearch.OpenSearchIndex;
import org.paperboy.store.Database;
import org.paperboy.store.Dialect;
import org.paperboy.store.SqlPaperStore;
import org.paperboy.store.StoreCopier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Copy this store (by default the embedded one in --data) into an empty PostgreSQL database"
          + " and, with --to-search, build the OpenSearch index from it. Checks that every table"
          + " has the same rows there and compares a sample column by column. Stop serve first."
    })
final class MigrateCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "URL",
      description = "The PostgreSQL database to fill: jdbc:postgresql://host:port/db?user=…")
  String to;

  @Option(
      names = "--to-search",
      paramLabel = "URL",
      description = "The OpenSearch cluster to index into (http://host:9200).")
  String toSearch;

  @Override
  public Integer call() {
    PaperboyConfig config = main.config(Map.of());
    if (!to.startsWith("jdbc:postgresql://")) {
      main.err.println(
          "paperboy: error: --to: expected a jdbc:postgresql:// URL, was '" + to + "'");
      return ExitCodes.USAGE;
    }
    if (toSearch != null && !(toSearch.startsWith("http://") || toSearch.startsWith("https://"))) {
      main.err.println(
          "paperboy: error: --to-search: expected an http(s):// address, was '" + toSearch + "'");
      return ExitCodes.USAGE;
    }
    long start = System.nanoTime();
    Database.Opened from = Database.open(config.store(), config.dataDir());
    try (HikariDataSource source = from.dataSource();
        HikariDataSource target = Database.openPostgres(to)) {
      StoreCopier.Report report =
          StoreCopier.copy(
              source,
              target,
              (table, n) -> {
                if (n > 0 && n % 100_000 == 0) {
                  main.err.printf("paperboy: %s: %,d rows%n", table, n);
                }
              });
      report
          .copied()
          .forEach(
              (table, n) ->
                  main.out.printf(
                      "%-15s %,12d rows copied, %,d compared%n",
                      table, n, report.compared().get(table)));
      if (toSearch != null) {
        try (SqlPaperStore store = new SqlPaperStore(target, Dialect.POSTGRESQL, () -> {});
            OpenSearchIndex index =
                OpenSearchIndex.open(
                    new OpenSearchClient(URI.create(toSearch)),
                    Workspace.OPENSEARCH_INDEX,
                    Workspace.settings(config))) {
          long n = Reindexer.rebuild(store, index, config.embeddingModel().key(), x -> {});
          main.out.printf("indexed %,d papers into %s%n", n, toSearch);
        }
      }
      main.out.printf(
          "migrated in %.1f s; run with --store %s%s%n",
          (System.nanoTime() - start) / 1e9,
          Database.redacted(to),
          toSearch == null ? "" : " --search " + toSearch);
      return ExitCodes.OK;
    }
  }
}
