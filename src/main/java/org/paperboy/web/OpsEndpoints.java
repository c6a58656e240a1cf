package org.paperboy.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.paperboy.config.ServerSettings.MetricsAccess;
import org.paperboy.ops.Health;

/**
 * What operators and load balancers call: {@code /healthz} (the process answers), {@code /readyz}
 * (store, index and, in scaled mode, OpenSearch reachable: 200 or 503 with each check), and {@code
 * /metrics} in Prometheus's format, for whom {@code server.metrics} allows.
 */
final class OpsEndpoints {
  private final WebServices s;

  OpsEndpoints(WebServices s) {
    this.s = s;
  }

  void live(Context ctx) {
    ctx.json(Map.of("status", "ok"));
  }

  void ready(Context ctx) {
    Map<String, Health.Check> checks = s.health().run();
    boolean ready = checks.values().stream().allMatch(Health.Check::ok);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", ready ? "ready" : "not ready");
    body.put("checks", checks);
    ctx.status(ready ? 200 : 503).json(body);
  }

  void metrics(Context ctx) {
    MetricsAccess access = s.config().server().metrics();
    if (access == MetricsAccess.OFF
        || (access == MetricsAccess.LOOPBACK && !fromThisMachine(ctx))) {
      throw WebError.notFound("there is nothing at /metrics");
    }
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(s.metrics().scrape());
  }

  /** A direct client on a loopback address; anything relayed by a proxy does not count. */
  private static boolean fromThisMachine(Context ctx) {
    if (ctx.header("X-Forwarded-For") != null || ctx.header("Forwarded") != null) {
      return false;
    }
    try {
      return InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
