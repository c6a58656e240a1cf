package org.paperboy.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.paperboy.eval.ArxivEvalSets;
import org.paperboy.eval.BeirDataset;
import org.paperboy.eval.KaggleListings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "eval-set",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description =
        "Build an evaluation set in BEIR's layout from arXiv listings in Kaggle-snapshot format,"
            + " for `eval`: 'titles' (query: a paper's title; relevant: its abstract, among"
            + " abstracts of the same category) or 'similar' (query: a paper; relevant: papers"
            + " sharing --min-shared authors with it, grade 2 for more; run with `eval --similar`).")
final class EvalSetCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(index = "0", paramLabel = "KIND", description = "titles or similar.")
  String kind;

  @Parameters(index = "1", paramLabel = "INPUT", description = "A .jsonl[.gz] file or a folder.")
  Path input;

  @Parameters(index = "2", paramLabel = "OUT", description = "The folder to write.")
  Path out;

  @Option(names = "--category", defaultValue = "cs.CL", description = "Primary category.")
  String category;

  @Option(names = "--papers", defaultValue = "6000", description = "Corpus size.")
  int papers;

  @Option(names = "--queries", defaultValue = "600", description = "Queries at most.")
  int queries;

  @Option(
      names = "--min-related",
      defaultValue = "2",
      description = "similar: queries need this many co-author papers in the corpus.")
  int minRelated;

  @Option(
      names = "--min-shared",
      defaultValue = "2",
      description = "similar: authors a paper must share with the query to be relevant.")
  int minShared;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the sample.")
  long seed;

  @Override
  public Integer call() throws IOException {
    if (papers < 1 || queries < 1 || minRelated < 1 || minShared < 1) {
      main.err.println(
          "paperboy: error: --papers, --queries, --min-related and --min-shared must be >= 1");
      return ExitCodes.USAGE;
    }
    KaggleListings.Read read = KaggleListings.read(input);
    BeirDataset set =
        switch (kind) {
          case "titles" -> ArxivEvalSets.titles(read.papers(), category, papers, queries, seed);
          case "similar" ->
              ArxivEvalSets.similar(
                  read.papers(), category, papers, queries, minRelated, minShared, seed);
          default -> null;
        };
    if (set == null) {
      main.err.println("paperboy: error: KIND must be titles or similar, was '" + kind + "'");
      return ExitCodes.USAGE;
    }
    if (set.queries().isEmpty()) {
      main.err.println("paperboy: error: no paper of " + category + " qualifies as a query");
      return ExitCodes.FAILED;
    }
    set.write(out, "test");
    long judgments = set.qrels().values().stream().mapToLong(m -> m.size()).sum();
    main.out.printf(
        Locale.ROOT,
        "%s: %,d documents, %,d queries, %,d judgments (%s, %s, seed %d)%n",
        out,
        set.corpus().size(),
        set.queries().size(),
        judgments,
        kind,
        category,
        seed);
    return ExitCodes.OK;
  }
}
