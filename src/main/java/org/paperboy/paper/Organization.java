package org.paperboy.paper;

/**
 * The organisation a paper is listed under on Hugging Face ({@code paper.organization} in {@code
 * api/daily_papers}).
 *
 * @param name the short name (Hugging Face's account name, e.g. {@code UCSanDiego})
 * @param fullname the display name, or null
 * @param avatar an https URL of its avatar image, or null
 */
public record Organization(String name, String fullname, String avatar) {
  public Organization {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an organisation needs a name");
    }
    name = name.strip();
    fullname = CleanText.blankToNull(fullname);
    avatar = avatar != null && avatar.strip().startsWith("https://") ? avatar.strip() : null;
  }
}
