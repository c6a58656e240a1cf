package org.paperboy.community;

/** Local activity on one paper: votes and visible comments cast here (not on Hugging Face). */
public record Counts(int votes, int comments) {
  public static final Counts NONE = new Counts(0, 0);
}
