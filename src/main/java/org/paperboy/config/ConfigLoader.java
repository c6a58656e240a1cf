package org.paperboy.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Builds {@link PaperboyConfig} from layered sources: defaults, then a properties file, then the
 * environment ({@code import.batch-size} → {@code PAPERBOY_IMPORT_BATCH_SIZE}), then flags.
 */
public final class ConfigLoader {
  static final Set<String> KEYS =
      Set.of(
          "data",
          "import.batch-size",
          "embedding.model",
          "search.fusion",
          "search.lexical-weight",
          "server.host",
          "server.port",
          "server.public-url",
          "server.metrics",
          "server.request-log",
          "arxiv.api-url",
          "harvest.oai-url",
          "harvest.hf-url",
          "harvest.arxiv-delay-seconds",
          "harvest.hf-delay-seconds",
          "harvest.max-attempts",
          "harvest.timeout-seconds",
          "harvest.max-response-mb",
          "harvest.set",
          "harvest.schedule.arxiv",
          "harvest.schedule.hf-daily",
          "search.hnsw-m",
          "search.hnsw-ef-construction",
          "search.hnsw-int8",
          "mail.smtp.host",
          "mail.smtp.port",
          "mail.smtp.security",
          "mail.smtp.username",
          "mail.smtp.password",
          "mail.from",
          "mail.rate-per-second",
          "digest.schedule",
          "store",
          "jobs.lease-seconds",
          "jobs.tick-seconds",
          "search");

  private ConfigLoader() {}

  /**
   * @param file a properties file, or null for none
   * @param env the process environment (injected so tests can fix it)
   * @param flags values given on the command line, by key
   */
  public static PaperboyConfig load(Path file, Map<String, String> env, Map<String, String> flags) {
    Map<String, String> values = new HashMap<>();
    if (file != null) {
      values.putAll(readFile(file));
    }
    for (String key : KEYS) {
      String v = env.get(envName(key));
      if (v != null && !v.isBlank()) {
        values.put(key, v.strip());
      }
    }
    flags.forEach(
        (k, v) -> {
          if (v != null) {
            values.put(k, v);
          }
        });
    PaperboyConfig d = PaperboyConfig.defaults();
    EmbeddingModelId model = d.embeddingModel();
    if (values.containsKey("embedding.model")) {
      String key = values.get("embedding.model");
      model =
          EmbeddingModelId.fromKey(key)
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "embedding.model: unknown model '"
                              + key
                              + "' ("
                              + EmbeddingModelId.keys()
                              + ")"));
    }
    HybridFusion fusion;
    try {
      fusion =
          new HybridFusion(
              values.getOrDefault("search.fusion", d.fusion().method()),
              doubleValue(values, "search.lexical-weight", d.fusion().lexicalWeight()));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("search.fusion: " + e.getMessage());
    }
    return new PaperboyConfig(
        values.containsKey("data") ? Path.of(values.get("data")) : d.dataDir(),
        intValue(values, "import.batch-size", d.importBatchSize()),
        model,
        fusion,
        ServerSettings.of(
            values.getOrDefault("server.host", d.server().host()),
            intValue(values, "server.port", d.server().port()),
            values.get("server.public-url"),
            values.getOrDefault("server.metrics", d.server().metrics().name()),
            bool(values, "server.request-log", d.server().requestLog())),
        uri(values.getOrDefault("arxiv.api-url", d.arxivApi().toString()), "arxiv.api-url"),
        harvest(values, d.harvest()),
        new HnswSettings(
            intValue(values, "search.hnsw-m", d.hnsw().m()),
            intValue(values, "search.hnsw-ef-construction", d.hnsw().efConstruction()),
            bool(values, "search.hnsw-int8", d.hnsw().int8())),
        mail(values, d.mail()),
        values.getOrDefault("store", d.store()),
        new JobSettings(
            java.time.Duration.ofSeconds(
                intValue(values, "jobs.lease-seconds", (int) d.jobs().lease().toSeconds())),
            java.time.Duration.ofSeconds(
                intValue(values, "jobs.tick-seconds", (int) d.jobs().tick().toSeconds()))),
        values.getOrDefault("search", d.search()));
  }

  private static MailSettings mail(Map<String, String> v, MailSettings d) {
    return new MailSettings(
        v.getOrDefault("mail.smtp.host", d.host()),
        intValue(v, "mail.smtp.port", d.port()),
        v.containsKey("mail.smtp.security")
            ? MailSettings.Security.parse(v.get("mail.smtp.security"))
            : d.security(),
        v.getOrDefault("mail.smtp.username", d.username()),
        v.getOrDefault("mail.smtp.password", d.password()),
        v.containsKey("mail.from") ? MailSettings.address(v.get("mail.from")) : d.from(),
        doubleValue(v, "mail.rate-per-second", d.ratePerSecond()),
        bool(v, "digest.schedule", d.schedule()));
  }

  private static boolean bool(Map<String, String> v, String key, boolean dflt) {
    String s = v.get(key);
    if (s == null || s.isBlank()) {
      return dflt;
    }
    return switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new ConfigException(key + ": expected true or false, was '" + s + "'");
    };
  }

  private static HarvestSettings harvest(Map<String, String> v, HarvestSettings d) {
    return new HarvestSettings(
        uri(v.getOrDefault("harvest.oai-url", d.oaiUrl().toString()), "harvest.oai-url"),
        uri(v.getOrDefault("harvest.hf-url", d.hfUrl().toString()), "harvest.hf-url"),
        seconds(v, "harvest.arxiv-delay-seconds", d.arxivDelay()),
        seconds(v, "harvest.hf-delay-seconds", d.hfDelay()),
        intValue(v, "harvest.max-attempts", d.maxAttempts()),
        seconds(v, "harvest.timeout-seconds", d.timeout()),
        (long)
            (doubleValue(v, "harvest.max-response-mb", d.maxResponseBytes() / 1048576.0) * 1048576),
        v.getOrDefault("harvest.set", d.set()),
        time(v, "harvest.schedule.arxiv"),
        time(v, "harvest.schedule.hf-daily"));
  }

  private static java.time.Duration seconds(
      Map<String, String> v, String key, java.time.Duration dflt) {
    double s = doubleValue(v, key, dflt.toMillis() / 1000.0);
    if (s < 0 || s > 86_400) {
      throw new ConfigException(key + ": must be between 0 and 86400 seconds, was " + s);
    }
    return java.time.Duration.ofMillis(Math.round(s * 1000));
  }

  private static java.time.LocalTime time(Map<String, String> v, String key) {
    String s = v.get(key);
    if (s == null || s.isBlank() || s.strip().equalsIgnoreCase("off")) {
      return null;
    }
    try {
      return java.time.LocalTime.parse(s.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new ConfigException(
          key + ": expected a time of day HH:MM (UTC) or off, was '" + s + "'");
    }
  }

  private static java.net.URI uri(String v, String key) {
    try {
      return new java.net.URI(v.strip());
    } catch (java.net.URISyntaxException e) {
      throw new ConfigException(key + ": not a URL: '" + v + "'");
    }
  }

  static String envName(String key) {
    return "PAPERBOY_" + key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
  }

  private static Map<String, String> readFile(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("malformed configuration file " + file + ": " + e.getMessage());
    }
    Map<String, String> out = new HashMap<>();
    for (String key : p.stringPropertyNames()) {
      if (!KEYS.contains(key)) {
        throw new ConfigException(
            file + ": unknown key '" + key + "' (known: " + String.join(", ", KEYS) + ")");
      }
      out.put(key, p.getProperty(key).strip());
    }
    return out;
  }

  private static double doubleValue(Map<String, String> values, String key, double fallback) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new ConfigException(key + ": not a number: '" + v + "'");
    }
  }

  private static int intValue(Map<String, String> values, String key, int fallback) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new ConfigException(key + ": not a whole number: '" + v + "'");
    }
  }
}
