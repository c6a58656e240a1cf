package org.paperboy.web.view;

import java.util.List;
import org.paperboy.digest.Preferences;
import org.paperboy.digest.Section;

/**
 * The digest pages.
 *
 * @param mode {@code subscribe}, {@code message}, {@code preferences} or {@code unsubscribe}
 * @param email the address shown (subscribe form default, or the subscription's)
 * @param token the signed link token the page posts back (preferences, unsubscribe)
 * @param preferences the current choices (preferences page), or null
 */
public record DigestView(
    String mode,
    String email,
    String token,
    Preferences preferences,
    String error,
    String success,
    boolean enabled) {

  public static final List<String> ZONES =
      List.of(
          "UTC",
          "Europe/London",
          "Europe/Paris",
          "Europe/Berlin",
          "America/New_York",
          "America/Chicago",
          "America/Los_Angeles",
          "Asia/Shanghai",
          "Asia/Tokyo",
          "Asia/Kolkata",
          "Australia/Sydney");

  public List<Section> sections() {
    return List.of(Section.values());
  }

  public boolean has(Section s) {
    return preferences != null && preferences.sections().contains(s);
  }

  /** The zone list, with the subscriber's own zone first when it is not a listed one. */
  public List<String> zones() {
    String own = preferences == null ? "UTC" : preferences.zone().getId();
    if (ZONES.contains(own)) {
      return ZONES;
    }
    List<String> out = new java.util.ArrayList<>(ZONES);
    out.add(0, own);
    return out;
  }

  public String topicsText() {
    return preferences == null ? "" : preferences.topicsText();
  }
}
