package org.paperboy.foryou;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicTest {
  @Test
  void acceptsCategoriesAndNormalisesWhitespace() {
    assertThat(Topic.of(Topic.Kind.CATEGORY, " cs.CL ").value()).isEqualTo("cs.CL");
    assertThat(Topic.of(Topic.Kind.CATEGORY, "hep-th").value()).isEqualTo("hep-th");
    assertThat(Topic.of(Topic.Kind.KEYWORD, "large   language\tmodels").value())
        .isEqualTo("large language models");
    assertThat(Topic.Kind.parse("Exclude")).isEqualTo(Topic.Kind.EXCLUDE);
  }

  @Test
  void refusesWhatCannotBeATopic() {
    assertThatThrownBy(() -> Topic.of(Topic.Kind.CATEGORY, "cs CL"))
        .hasMessageContaining("not an arXiv category");
    assertThatThrownBy(() -> Topic.of(Topic.Kind.KEYWORD, "  "))
        .hasMessageContaining("needs a value");
    assertThatThrownBy(() -> Topic.of(Topic.Kind.SEARCH, "x".repeat(201)))
        .hasMessageContaining("at most 200");
    assertThatThrownBy(() -> Topic.Kind.parse("tag")).hasMessageContaining("unknown topic kind");
  }
}
