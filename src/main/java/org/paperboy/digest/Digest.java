package org.paperboy.digest;

import java.util.List;

/**
 * What one edition says, before it is written as a mail.
 *
 * @param title e.g. "Your Paperboy digest — Thursday 20 August 2026"
 * @param sections the non-empty sections, in mail order
 * @param siteUrl the public base URL
 */
public record Digest(
    String title,
    String intro,
    List<Part> sections,
    String siteUrl,
    String preferencesUrl,
    String unsubscribeUrl) {

  /** One section of the mail. */
  public record Part(Section section, String heading, List<Item> items) {}

  /**
   * One paper.
   *
   * @param authors a short author line ("A, B, C et al.")
   * @param blurb one or two lines of the abstract, or its AI summary
   * @param reason why it was picked
   */
  public record Item(
      String id,
      String title,
      String authors,
      String blurb,
      String reason,
      String url,
      int upvotes) {}

  public int paperCount() {
    return sections.stream().mapToInt(s -> s.items().size()).sum();
  }
}
