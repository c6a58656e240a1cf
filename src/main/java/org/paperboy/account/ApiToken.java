package org.paperboy.account;

import java.time.Instant;

/** An API token as its owner sees it later: a short id (hash prefix), its label, when made. */
public record ApiToken(String id, String label, Instant createdAt) {}
