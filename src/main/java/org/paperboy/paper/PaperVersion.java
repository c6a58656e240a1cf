package org.paperboy.paper;

import java.time.LocalDate;

/**
 * One arXiv version of a paper.
 *
 * @param number 1 for v1, 2 for v2, …
 * @param date the day the version was submitted, or null when the source did not say
 */
public record PaperVersion(int number, LocalDate date) implements Comparable<PaperVersion> {
  @Override
  public int compareTo(PaperVersion o) {
    return Integer.compare(number, o.number);
  }
}
