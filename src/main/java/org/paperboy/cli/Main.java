package org.paperboy.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.paperboy.config.ConfigException;
import org.paperboy.config.ConfigLoader;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code paperboy}: the command line. Every subcommand calls the same services as the web app. */
@Command(
    name = "paperboy",
    mixinStandardHelpOptions = true,
    version = "paperboy 0.1.0",
    showDefaultValues = true,
    description = "Self-hosted daily papers: import, search and follow arXiv and Hugging Face.",
    subcommands = {
      ImportCommand.class,
      ExportCommand.class,
      StatsCommand.class,
      EmbedCommand.class,
      ReindexCommand.class,
      MigrateCommand.class,
      SearchCommand.class,
      SimilarCommand.class,
      EvalCommand.class,
      EvalRecsCommand.class,
      EvalSetCommand.class,
      ServeCommand.class,
      DemoCommand.class,
      HarvestCommand.class,
      DigestCommand.class
    })
public final class Main {

  @Option(
      names = "--data",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description = "Data directory (database, index). Default: ./data, or PAPERBOY_DATA.")
  Path data;

  @Option(
      names = "--store",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description =
          "Store: sqlite (the default, a file in the data directory) or a jdbc:postgresql:// URL"
              + " shared by several app nodes. Default: PAPERBOY_STORE.")
  String store;

  @Option(
      names = "--search",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description =
          "Search backend: lucene (the default, an index in the data directory) or the"
              + " http(s):// address of an OpenSearch cluster. Default: PAPERBOY_SEARCH.")
  String search;

  @Option(
      names = "--config",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description = "Properties file with configuration (see README). Default: PAPERBOY_CONFIG.")
  Path configFile;

  final Map<String, String> env;
  final Clock clock;
  final PrintStream out;
  final PrintStream err;

  Main(Map<String, String> env, Clock clock, PrintStream out, PrintStream err) {
    this.env = env;
    this.clock = clock;
    this.out = out;
    this.err = err;
  }

  /** The configuration for this invocation: file, then environment, then flags. */
  PaperboyConfig config(Map<String, String> flags) {
    Map<String, String> all = new HashMap<>(flags);
    if (data != null) {
      all.put("data", data.toString());
    }
    if (store != null) {
      all.put("store", store);
    }
    if (search != null) {
      all.put("search", search);
    }
    Path file = configFile;
    if (file == null && env.get("PAPERBOY_CONFIG") != null) {
      file = Path.of(env.get("PAPERBOY_CONFIG"));
    }
    return ConfigLoader.load(file, env, all);
  }

  public static void main(String[] args) {
    Quiet.apply(System.getenv());
    System.exit(run(args, System.getenv(), Clock.systemDefaultZone(), System.out, System.err));
  }

  /** Runs one command and returns its exit code; never throws, never prints a stack trace. */
  public static int run(
      String[] args, Map<String, String> env, Clock clock, PrintStream out, PrintStream err) {
    CommandLine cl = new CommandLine(new Main(env, clock, out, err));
    cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          err.println("paperboy: error: " + oneLine(e));
          if (env.containsKey("PAPERBOY_DEBUG")) {
            e.printStackTrace(err);
          }
          return ExitCodes.FAILED;
        });
    // A mistyped command or option: the error, any close match, and where help is; not the
    // whole help text.
    cl.setParameterExceptionHandler(
        (e, given) -> {
          CommandLine c = e.getCommandLine();
          err.println("paperboy: error: " + e.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(e, c.getErr());
          c.getErr().flush();
          err.println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
          return c.getCommandSpec().exitCodeOnInvalidInput();
        });
    return cl.execute(args);
  }

  private static String oneLine(Exception e) {
    String message =
        switch (e) {
          case ConfigException c -> "configuration: " + c.getMessage();
          case StoreException s -> s.getMessage();
          default ->
              e.getMessage() == null
                  ? e.getClass().getSimpleName()
                  : e.getClass().getSimpleName() + ": " + e.getMessage();
        };
    return message.replaceAll("\\s+", " ").strip();
  }
}
