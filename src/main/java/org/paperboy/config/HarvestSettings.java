package org.paperboy.config;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;

/**
 * Where and how politely Paperboy harvests, and when {@code serve} does it by itself.
 *
 * @param oaiUrl arXiv's OAI-PMH endpoint; key {@code harvest.oai-url}
 * @param hfUrl Hugging Face's daily papers API; key {@code harvest.hf-url}
 * @param arxivDelay time between requests to arXiv (OAI-PMH and API); key {@code
 *     harvest.arxiv-delay-seconds}, default 3 (arXiv's published limit)
 * @param hfDelay time between requests to Hugging Face; key {@code harvest.hf-delay-seconds}
 * @param maxAttempts tries per request; key {@code harvest.max-attempts}, default 5
 * @param timeout read timeout per request; key {@code harvest.timeout-seconds}, default 60
 * @param maxResponseBytes response size cap; key {@code harvest.max-response-mb}, default 64
 * @param set the OAI-PMH set scheduled harvests ask for; key {@code harvest.set}, default cs
 * @param arxivAt daily time (UTC) for the scheduled arXiv harvest, or null (off, the default); key
 *     {@code harvest.schedule.arxiv}, e.g. {@code 02:30}
 * @param hfAt daily time (UTC) for the scheduled Hugging Face harvest, or null (off); key {@code
 *     harvest.schedule.hf-daily}
 */
public record HarvestSettings(
    URI oaiUrl,
    URI hfUrl,
    Duration arxivDelay,
    Duration hfDelay,
    int maxAttempts,
    Duration timeout,
    long maxResponseBytes,
    String set,
    LocalTime arxivAt,
    LocalTime hfAt) {
  public static final URI DEFAULT_OAI = URI.create("https://oaipmh.arxiv.org/oai");
  public static final URI DEFAULT_HF = URI.create("https://huggingface.co/api/daily_papers");

  public HarvestSettings {
    if (maxAttempts < 1 || maxAttempts > 100) {
      throw new ConfigException(
          "harvest.max-attempts: must be between 1 and 100, was " + maxAttempts);
    }
    if (arxivDelay.isNegative() || hfDelay.isNegative()) {
      throw new ConfigException("harvest delays must not be negative");
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw new ConfigException("harvest.timeout-seconds: must be positive");
    }
    if (maxResponseBytes < 1) {
      throw new ConfigException("harvest.max-response-mb: must be positive");
    }
    for (URI u : new URI[] {oaiUrl, hfUrl}) {
      if (u == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
        throw new ConfigException("harvest URLs must be http(s), was " + u);
      }
    }
  }

  public static HarvestSettings defaults() {
    return new HarvestSettings(
        DEFAULT_OAI,
        DEFAULT_HF,
        Duration.ofSeconds(3),
        Duration.ofSeconds(1),
        5,
        Duration.ofSeconds(60),
        64L << 20,
        "cs",
        null,
        null);
  }
}
