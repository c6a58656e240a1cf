package org.paperboy.jobs;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.paperboy.store.Jdbc;

/**
 * A lease in the store that lets exactly one process or app node run a job at a time: the holder
 * renews it on every round ({@link #hold}); when the holder stops renewing (killed, stopped,
 * partitioned), another node's {@link #hold} takes it once it has expired. Portable SQL, so the
 * same lease works on SQLite (processes on one machine) and PostgreSQL (app nodes).
 */
public final class JobLease {
  private final Jdbc jdbc;
  private final String name;
  private final String owner;
  private final Duration ttl;
  private final Clock clock;

  public JobLease(Jdbc jdbc, String name, Duration ttl, Clock clock) {
    this(jdbc, name, nodeName(), ttl, clock);
  }

  public JobLease(Jdbc jdbc, String name, String owner, Duration ttl, Clock clock) {
    this.jdbc = jdbc;
    this.name = name;
    this.owner = owner;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** This process: host name, process id and a random part (two JVMs never share a name). */
  public static String nodeName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host
        + ":"
        + ManagementFactory.getRuntimeMXBean().getPid()
        + ":"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  public String owner() {
    return owner;
  }

  /**
   * Takes or renews the lease for another {@code ttl}; true when this node holds it now. A single
   * conditional update decides, so two nodes can never both get {@code true} for the same moment.
   */
  public boolean hold() {
    long now = clock.millis();
    long until = now + ttl.toMillis();
    jdbc.update(
        "INSERT INTO job_leases (name, owner, lease_until) VALUES (?, ?, ?)"
            + " ON CONFLICT (name) DO NOTHING",
        name,
        owner,
        until);
    return jdbc.update(
            "UPDATE job_leases SET owner = ?, lease_until = ? WHERE name = ?"
                + " AND (owner = ? OR lease_until < ?)",
            owner,
            until,
            name,
            owner,
            now)
        > 0;
  }

  /** Gives the lease up (a clean shutdown): another node may take it at once. */
  public void release() {
    jdbc.update("DELETE FROM job_leases WHERE name = ? AND owner = ?", name, owner);
  }

  /** Who holds the lease now, if anyone (for {@code stats} and tests). */
  public java.util.Optional<String> holder() {
    return jdbc.one(
        "SELECT owner FROM job_leases WHERE name = ? AND lease_until >= ?",
        rs -> rs.getString(1),
        name,
        clock.millis());
  }
}
