package org.paperboy.account;

import java.time.Instant;

/** A signed-in browser: its reader and the CSRF token every form of this session must carry. */
public record Session(User user, String csrf, Instant expiresAt) {}
