package org.paperboy.cli;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperboy.app.Workspace;
import org.paperboy.harvest.HarvestException;
import org.paperboy.harvest.HarvestReport;
import org.paperboy.harvest.HarvestStore;
import org.paperboy.harvest.Harvests;
import org.paperboy.harvest.OaiHarvester;
import org.paperboy.jobs.Sleeper;
import org.paperboy.paper.ArxivId;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "harvest",
    mixinStandardHelpOptions = true,
    description = {
      "Fetch new and changed papers from arXiv and Hugging Face, politely (3 s between arXiv"
          + " requests by default) and resumably. The search index follows."
    },
    subcommands = {
      HarvestCommand.Arxiv.class,
      HarvestCommand.ArxivApi.class,
      HarvestCommand.HfDaily.class
    })
final class HarvestCommand {
  @ParentCommand Main main;

  /** Options every source takes. */
  static final class Common {
    @Option(
        names = "--endpoint",
        paramLabel = "URL",
        description = "Source URL (default from configuration).")
    URI endpoint;

    @Option(
        names = "--delay",
        paramLabel = "SECONDS",
        description =
            "Seconds between requests (default: harvest.arxiv-delay-seconds / harvest.hf-delay-seconds).")
    Double delay;
  }

  static int run(Main main, Common common, String delayKey, Work work) {
    Map<String, String> flags = new HashMap<>();
    if (common.delay != null) {
      flags.put(delayKey, common.delay.toString());
    }
    var config = main.config(flags);
    try (Workspace w = Workspace.open(config, main.err)) {
      Harvests harvests =
          new Harvests(
              config.harvest(),
              config.arxivApi(),
              new HarvestStore(w.jdbc),
              w.store,
              main.clock,
              Sleeper.REAL);
      HarvestReport report;
      try {
        report = work.run(harvests);
      } catch (HarvestException e) {
        main.err.println("paperboy: error: harvest: " + e.getMessage().replaceAll("\\s+", " "));
        return ExitCodes.FAILED;
      } finally {
        w.index.commit();
      }
      report.rejections().forEach(r -> main.err.println("rejected: " + r));
      main.out.println(report.summary());
      return report.rejected() > 0 ? ExitCodes.SOME_REJECTED : ExitCodes.OK;
    }
  }

  @FunctionalInterface
  interface Work {
    HarvestReport run(Harvests harvests);
  }

  @Command(
      name = "arxiv",
      mixinStandardHelpOptions = true,
      description = {
        "arXiv OAI-PMH ListRecords, following resumption tokens, with a checkpoint after every"
            + " page. Incremental by default: starts where the last complete harvest's responses"
            + " were dated. Deleted records are honoured."
      })
  static final class Arxiv implements Callable<Integer> {
    @ParentCommand HarvestCommand parent;

    @Option(
        names = "--set",
        paramLabel = "SET",
        description = "OAI set, e.g. cs, math, physics:hep-th (default: harvest.set).")
    String set;

    @Option(
        names = "--from",
        paramLabel = "YYYY-MM-DD",
        description = "Records changed on or after this day.")
    LocalDate from;

    @Option(
        names = "--until",
        paramLabel = "YYYY-MM-DD",
        description = "Records changed on or before this day.")
    LocalDate until;

    @Option(
        names = "--metadata-prefix",
        paramLabel = "P",
        defaultValue = "arXiv",
        description = "arXiv or arXivRaw.")
    String prefix;

    @picocli.CommandLine.Mixin Common common = new Common();

    @Override
    public Integer call() {
      if (!prefix.equals("arXiv") && !prefix.equals("arXivRaw")) {
        parent.main.err.println("paperboy: error: --metadata-prefix: use arXiv or arXivRaw");
        return ExitCodes.USAGE;
      }
      if (from != null && until != null && from.isAfter(until)) {
        parent.main.err.println("paperboy: error: --from is after --until");
        return ExitCodes.USAGE;
      }
      return run(
          parent.main,
          common,
          "harvest.arxiv-delay-seconds",
          h -> {
            String s = set != null ? set : parent.main.config(Map.of()).harvest().set();
            return h.oai(new OaiHarvester.Request(s, prefix, from, until), common.endpoint);
          });
    }
  }

  @Command(
      name = "arxiv-api",
      mixinStandardHelpOptions = true,
      description = "The arXiv API (Atom): papers by id, or the results of a search query, paged.")
  static final class ArxivApi implements Callable<Integer> {
    @ParentCommand HarvestCommand parent;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
      @Option(
          names = "--ids",
          arity = "1..*",
          paramLabel = "ID",
          description = "arXiv ids or URLs.")
      List<String> ids;

      @Option(
          names = "--query",
          paramLabel = "Q",
          description = "arXiv API search_query, e.g. cat:cs.CL AND ti:retrieval.")
      String query;
    }

    @Option(
        names = "--max",
        paramLabel = "N",
        defaultValue = "100",
        description = "Most results for --query (1-30000).")
    int max;

    @picocli.CommandLine.Mixin Common common = new Common();

    @Override
    public Integer call() {
      if (target.ids != null) {
        List<ArxivId> ids = new ArrayList<>();
        for (String s : target.ids) {
          var id = ArxivId.parse(s);
          if (id.isEmpty()) {
            parent.main.err.println("paperboy: error: --ids: '" + s + "' is not an arXiv id");
            return ExitCodes.USAGE;
          }
          ids.add(id.get());
        }
        return run(
            parent.main,
            common,
            "harvest.arxiv-delay-seconds",
            h -> h.arxivIds(ids, common.endpoint));
      }
      if (max < 1 || max > 30_000) {
        parent.main.err.println("paperboy: error: --max: between 1 and 30000");
        return ExitCodes.USAGE;
      }
      return run(
          parent.main,
          common,
          "harvest.arxiv-delay-seconds",
          h -> h.arxivQuery(target.query, max, common.endpoint));
    }
  }

  @Command(
      name = "hf-daily",
      mixinStandardHelpOptions = true,
      description = {
        "Hugging Face's api/daily_papers, one request per day: upvotes, comment counts, the Daily"
            + " Papers day, AI summary/keywords, code and project links. Without dates: from the"
            + " last day harvested (again) to today."
      })
  static final class HfDaily implements Callable<Integer> {
    @ParentCommand HarvestCommand parent;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "One day.")
    LocalDate date;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day (default today).")
    LocalDate to;

    @picocli.CommandLine.Mixin Common common = new Common();

    @Override
    public Integer call() {
      if (date != null && (from != null || to != null)) {
        parent.main.err.println("paperboy: error: give --date or --from/--to, not both");
        return ExitCodes.USAGE;
      }
      LocalDate a = date != null ? date : from;
      LocalDate b = date != null ? date : to;
      return run(
          parent.main, common, "harvest.hf-delay-seconds", h -> h.hfDaily(a, b, common.endpoint));
    }
  }
}
