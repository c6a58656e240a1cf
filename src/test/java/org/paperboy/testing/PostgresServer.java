package org.paperboy.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for tests: Debian's binaries, a fresh cluster in a temporary
 * directory, listening on a free loopback port. PostgreSQL refuses to run as root, so under root
 * the cluster belongs to (and runs as) the {@code postgres} system user the Debian package creates.
 * Each {@link #newDatabase} is an empty database, so tests do not see each other's rows.
 */
public final class PostgresServer implements AutoCloseable {
  private static final Path LIB = Path.of("/usr/lib/postgresql");
  private static PostgresServer shared;

  private final Path dir;
  private final Path bin;
  private final int port;
  private final boolean asPostgresUser;
  private int databases;

  private PostgresServer() throws IOException, InterruptedException {
    this.bin = binaries();
    this.asPostgresUser = "root".equals(System.getProperty("user.name"));
    this.dir = Files.createTempDirectory("paperboy-pg-");
    this.port = Processes.freePort();
    if (asPostgresUser) {
      run(List.of("chown", "postgres:postgres", dir.toString()), false);
    }
    run(
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync"),
        true);
    run(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-l",
            dir.resolve("log").toString(),
            "-w",
            "-o",
            "-c listen_addresses=127.0.0.1 -p "
                + port
                + " -k "
                + dir
                + " -c fsync=off -c synchronous_commit=off -c max_connections=200",
            "start"),
        true);
  }

  /** One server for the whole test JVM, stopped when the JVM exits. */
  public static synchronized PostgresServer shared() {
    if (shared == null) {
      try {
        shared = new PostgresServer();
      } catch (IOException e) {
        throw new IllegalStateException("cannot start PostgreSQL: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }

  /** Creates an empty database and returns its JDBC URL. */
  public synchronized String newDatabase() {
    String name = "paperboy_" + (++databases);
    try (Connection c = DriverManager.getConnection(url("postgres"));
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
    }
    return url(name);
  }

  private String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
  }

  @Override
  public void close() {
    try {
      run(
          List.of(
              bin.resolve("pg_ctl").toString(),
              "-D",
              dir.resolve("data").toString(),
              "-m",
              "immediate",
              "stop"),
          true);
    } catch (IOException | InterruptedException e) {
      // best effort at shutdown
    } finally {
      try {
        Processes.deleteTree(dir);
      } catch (IOException e) {
        // a temporary directory; nothing more to do
      }
    }
  }

  private static Path binaries() {
    try (Stream<Path> versions = Files.list(LIB)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparing(Path::toString))
          .orElseThrow();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "PostgreSQL server binaries not found under "
              + LIB
              + " (bin/test installs Debian's postgresql package)");
    }
  }

  private void run(List<String> command, boolean asServerUser)
      throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asServerUser && asPostgresUser) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    Processes.run(new ProcessBuilder(full));
  }
}
