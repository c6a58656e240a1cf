package org.paperboy.cli;

/** The CLI's exit codes, documented in README.md. */
public final class ExitCodes {
  /** Everything worked. */
  public static final int OK = 0;

  /** The command failed: unreadable or truncated input file, database error, bad configuration. */
  public static final int FAILED = 1;

  /** The command line itself was wrong (unknown option, missing argument). */
  public static final int USAGE = 2;

  /** An import finished, but some records were rejected (each was reported on stderr). */
  public static final int SOME_REJECTED = 3;

  private ExitCodes() {}
}
