package org.paperboy.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Serves the recorded 2016 arXiv cs OAI-PMH harvest as arXiv did: the first page for a fresh {@code
 * ListRecords}, then each page for the resumption token that led to it. Requests with {@code from}
 * get {@code noRecordsMatch} (nothing changed since 2016-03-09).
 */
public final class OaiReplay {
  private static final Pattern REQUEST_TOKEN =
      Pattern.compile("<request[^>]*resumptionToken=\"([^\"]+)\"");
  private final byte[] first;
  private final Map<String, byte[]> byToken = new HashMap<>();

  public OaiReplay() {
    Path dir = SharedData.path("arxiv-oai-cs-2016");
    byte[] firstPage = null;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        byte[] body = gunzip(f);
        String head = new String(body, 0, Math.min(body.length, 2000), StandardCharsets.UTF_8);
        Matcher m = REQUEST_TOKEN.matcher(head);
        if (m.find()) {
          byToken.put(m.group(1), body);
        } else {
          firstPage = body;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.first = firstPage;
  }

  public int pages() {
    return byToken.size() + 1;
  }

  private static byte[] gunzip(Path f) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
      return in.readAllBytes();
    }
  }

  /** The answer to a request URI, as arXiv gave it. */
  public RecordedServer.Response answer(URI uri) {
    Map<String, String> q = query(uri);
    if (q.containsKey("resumptionToken")) {
      byte[] page = byToken.get(q.get("resumptionToken"));
      return page != null ? xml(page) : error("badResumptionToken", "unknown token");
    }
    if (q.containsKey("from")) {
      return error("noRecordsMatch", "no records changed since " + q.get("from"));
    }
    return xml(first);
  }

  public static Map<String, String> query(URI uri) {
    Map<String, String> out = new HashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return out;
    }
    for (String kv : raw.split("&")) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        out.put(
            URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  public static RecordedServer.Response xml(byte[] body) {
    return new RecordedServer.Response(200, "text/xml; charset=utf-8", body);
  }

  public static RecordedServer.Response error(String code, String message) {
    String body =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">"
            + "<responseDate>2016-03-10T00:00:00Z</responseDate><request verb=\"ListRecords\">x</request>"
            + "<error code=\""
            + code
            + "\">"
            + message
            + "</error></OAI-PMH>";
    return xml(body.getBytes(StandardCharsets.UTF_8));
  }
}
