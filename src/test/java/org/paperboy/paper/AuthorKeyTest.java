package org.paperboy.paper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthorKeyTest {
  @Test
  void spellingsOfOneNameShareAKey() {
    String key = "jose-garcia-lopez";
    assertThat(AuthorKey.of("José García-López")).isEqualTo(key);
    assertThat(AuthorKey.of("Jose Garcia Lopez")).isEqualTo(key);
    assertThat(AuthorKey.of("  JOSÉ  garcía‐lópez ")).isEqualTo(key);
    assertThat(AuthorKey.of("García-López, José")).isEqualTo(key);
    assertThat(AuthorKey.of("J. R. R. Tolkien")).isEqualTo(AuthorKey.of("J.R.R. Tolkien"));
    assertThat(AuthorKey.of("Jürgen Schmidhuber")).isEqualTo("jurgen-schmidhuber");
  }

  @Test
  void differentPeopleAndInitialsAreNeverMerged() {
    assertThat(AuthorKey.of("John Smith")).isNotEqualTo(AuthorKey.of("Jane Smith"));
    assertThat(AuthorKey.of("J. Smith"))
        .isEqualTo("j-smith")
        .isNotEqualTo(AuthorKey.of("John Smith"));
    assertThat(AuthorKey.of("Wei Wang")).isNotEqualTo(AuthorKey.of("Wang Wei"));
    // "Jr." after a comma is a suffix, not a given name.
    assertThat(AuthorKey.of("Martin Luther King, Jr.")).isEqualTo("martin-luther-king-jr");
  }

  @Test
  void otherScriptsAreKeptAndEmptyNamesHaveNoKey() {
    assertThat(AuthorKey.of("张伟")).isEqualTo("张伟");
    assertThat(AuthorKey.of("Иван Петров")).isEqualTo("иван-петров");
    assertThat(AuthorKey.of(" -- ")).isEmpty();
    assertThat(AuthorKey.of(null)).isEmpty();
    assertThat(AuthorKey.family("jose-garcia-lopez")).isEqualTo("lopez");
  }
}
