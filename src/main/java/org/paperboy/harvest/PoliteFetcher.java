package org.paperboy.harvest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.paperboy.ingest.ArxivApiClient;
import org.paperboy.jobs.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GETs from one source the way a good citizen does: a minimum interval between requests, a
 * descriptive User-Agent, connect and read timeouts, a size cap, {@code Retry-After} honoured on
 * 503/429, exponential back-off with jitter on other failures, and a clear error after the last
 * attempt. Responses are read by a {@link Reader} so a truncated body is retried as well.
 */
public final class PoliteFetcher {
  private static final Logger LOG = LoggerFactory.getLogger(PoliteFetcher.class);

  /**
   * Reads a complete response body into what the caller needs; throws {@link
   * IllegalArgumentException} when the body is bad (e.g. cut off), which is retried.
   */
  @FunctionalInterface
  public interface Reader<T> {
    T read(byte[] body);
  }

  /** A response body and what its reader made of it. */
  public record Fetched<T>(byte[] body, T value) {}

  private final FetchPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final HttpClient http;
  private final SplittableRandom jitter = new SplittableRandom(42);
  private Instant lastRequest = Instant.EPOCH;

  public PoliteFetcher(FetchPolicy policy, Clock clock, Sleeper sleeper) {
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(policy.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** The body of a 200 response to {@code uri} that {@code reader} accepts, read once. */
  public synchronized <T> Fetched<T> get(URI uri, Reader<T> reader) {
    String last = "no attempt made";
    for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
      Duration wait = null;
      try {
        pace();
        HttpRequest request =
            HttpRequest.newBuilder(uri)
                .timeout(policy.readTimeout())
                .header("User-Agent", ArxivApiClient.USER_AGENT)
                .header("Accept-Encoding", "identity")
                .GET()
                .build();
        HttpResponse<InputStream> response =
            http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        int status = response.statusCode();
        byte[] body;
        try (InputStream in = response.body()) {
          body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, policy.maxBytes() + 1));
        }
        if (status == 200) {
          if (body.length > policy.maxBytes()) {
            throw new HarvestException(
                uri.getHost()
                    + " sent more than the "
                    + policy.maxBytes()
                    + "-byte response limit for "
                    + uri);
          }
          return new Fetched<>(body, reader.read(body));
        }
        last = "HTTP " + status;
        if (status == 503 || status == 429) {
          wait = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
        } else if (status >= 400 && status < 500) {
          throw new HarvestException(uri.getHost() + " answered HTTP " + status + " for " + uri);
        }
      } catch (HttpTimeoutException e) {
        last = "timed out after " + policy.readTimeout().toSeconds() + " s";
      } catch (IOException e) {
        last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      } catch (IllegalArgumentException e) {
        last = "bad response: " + e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new HarvestException("interrupted while fetching " + uri, e);
      }
      if (attempt == policy.maxAttempts()) {
        break;
      }
      if (wait == null) {
        wait = backoff(attempt);
      }
      LOG.warn(
          "{} (attempt {} of {}); retrying in {} ms",
          last,
          attempt,
          policy.maxAttempts(),
          wait.toMillis());
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new HarvestException("interrupted while waiting to retry " + uri, e);
      }
    }
    throw new HarvestException(
        "gave up on " + uri + " after " + policy.maxAttempts() + " attempts: " + last);
  }

  /** Waits until {@code minInterval} has passed since the previous request started. */
  private void pace() throws InterruptedException {
    Instant next = lastRequest.plus(policy.minInterval());
    Instant now = clock.instant();
    if (now.isBefore(next)) {
      sleeper.sleep(Duration.between(now, next));
    }
    lastRequest = clock.instant();
  }

  /** Exponential back-off with ±50% jitter, capped. */
  Duration backoff(int attempt) {
    double base = policy.initialBackoff().toMillis() * Math.pow(2, attempt - 1);
    double withJitter = base * (0.5 + jitter.nextDouble());
    return Duration.ofMillis((long) Math.min(policy.maxBackoff().toMillis(), withJitter));
  }

  /** A {@code Retry-After} value (seconds or an HTTP date), capped; back-off when absent. */
  Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    Duration d;
    try {
      d = Duration.ofSeconds(Long.parseLong(header.strip()));
    } catch (NumberFormatException e) {
      try {
        Instant at =
            ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        d = Duration.between(clock.instant(), at);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
    if (d.isNegative()) {
      d = Duration.ZERO;
    }
    return d.compareTo(policy.maxBackoff()) > 0 ? policy.maxBackoff() : d;
  }
}
