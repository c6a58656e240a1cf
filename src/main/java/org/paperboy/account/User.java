package org.paperboy.account;

import java.time.Instant;

/** A signed-up reader. The password hash never leaves {@link AccountStore}. */
public record User(String id, String username, String email, Role role, Instant createdAt) {
  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}
