package org.paperboy.bench;

import org.paperboy.testing.OaiReplay;
import org.paperboy.testing.RecordedServer;

/**
 * Benchmark helper: serves the recorded 2016 arXiv cs harvest (103 pages chained by their real
 * resumption tokens) on 127.0.0.1 until killed, and prints its URL.
 */
public final class OaiReplayServer {
  private OaiReplayServer() {}

  public static void main(String[] args) throws Exception {
    OaiReplay replay = new OaiReplay();
    RecordedServer server = new RecordedServer(replay::answer);
    System.out.println(server.uri("/oai"));
    System.out.flush();
    Thread.currentThread().join();
  }
}
