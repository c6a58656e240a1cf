package org.paperboy.digest;

import java.util.Locale;

/** How often a reader gets a digest: daily, or weekly on Mondays. */
public enum Frequency {
  DAILY,
  WEEKLY;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Frequency parse(String text) {
    if (text != null) {
      for (Frequency f : values()) {
        if (f.key().equals(text.strip().toLowerCase(Locale.ROOT))) {
          return f;
        }
      }
    }
    throw new DigestException("frequency: expected daily or weekly, was '" + text + "'");
  }
}
