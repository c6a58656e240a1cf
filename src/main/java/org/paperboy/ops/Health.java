package org.paperboy.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Readiness: each named check answers with a short detail or throws. The node is ready when all
 * pass (store reachable, local index open, OpenSearch reachable in scaled mode); a load balancer
 * sends readers elsewhere while it is not.
 */
public final class Health {
  /** The outcome of one check. */
  public record Check(boolean ok, String detail) {}

  private final Map<String, Callable<String>> checks = new LinkedHashMap<>();

  public Health check(String name, Callable<String> check) {
    checks.put(name, check);
    return this;
  }

  public Map<String, Check> run() {
    Map<String, Check> out = new LinkedHashMap<>();
    checks.forEach(
        (name, check) -> {
          try {
            out.put(name, new Check(true, check.call()));
          } catch (Exception e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            out.put(name, new Check(false, m.replaceAll("\\s+", " ").strip()));
          }
        });
    return out;
  }
}
