package org.paperboy.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperboy.app.ServerRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the web pages, JSON API and Atom feeds for a data directory. Papers without an"
          + " embedding are embedded in the background."
    })
final class ServeCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(names = "--port", paramLabel = "PORT", description = "Port (default 8080; 0: any free).")
  Integer port;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      description = "Address to bind (default 127.0.0.1: this machine only).")
  String host;

  @Option(names = "--no-embed", description = "Do not compute embeddings in the background.")
  boolean noEmbed;

  @Override
  public Integer call() throws Exception {
    return serve(main, flags(port, host), !noEmbed, null);
  }

  static Map<String, String> flags(Integer port, String host) {
    Map<String, String> flags = new HashMap<>();
    if (port != null) {
      flags.put("server.port", port.toString());
    }
    if (host != null) {
      flags.put("server.host", host);
    }
    return flags;
  }

  /** Opens, optionally runs {@code beforeServe} (the demo import), serves until stopped. */
  static int serve(Main main, Map<String, String> flags, boolean embed, Prepare prepare)
      throws Exception {
    var config = main.config(flags);
    ServerRuntime runtime = ServerRuntime.open(config, main.err);
    Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "paperboy-shutdown"));
    try {
      if (prepare != null) {
        prepare.run(runtime);
      }
      int bound = runtime.start(main.clock, embed);
      String url =
          config.server().publicUrl().getPort() == config.server().port()
              ? config.server().publicUrl().toString()
              : "http://" + config.server().host() + ":" + bound;
      main.out.println("paperboy: serving " + runtime.papers() + " papers at " + url);
      main.out.println("paperboy: press Ctrl-C to stop");
      main.out.flush();
      runtime.awaitShutdown();
      return ExitCodes.OK;
    } finally {
      runtime.close();
    }
  }

  /** Work done on the opened runtime before the server starts. */
  @FunctionalInterface
  interface Prepare {
    void run(ServerRuntime runtime) throws Exception;
  }
}
