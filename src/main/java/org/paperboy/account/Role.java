package org.paperboy.account;

/** What an account may do: readers vote, comment and submit; admins also hide papers/comments. */
public enum Role {
  READER,
  ADMIN
}
