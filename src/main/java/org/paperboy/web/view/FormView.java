package org.paperboy.web.view;

import java.util.Map;

/** A simple form: an error or success message and the values to show again. */
public record FormView(String error, String success, Map<String, String> values) {
  public static FormView empty() {
    return new FormView(null, null, Map.of());
  }

  public String value(String name) {
    return values.getOrDefault(name, "");
  }
}
