package org.paperboy.paper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CleanTextTest {

  @Test
  void collapsesWrappedArxivText() {
    assertThat(
            CleanText.collapse(
                "  Unconditionally Secure Commitment of a Certified Classical Bit is\n  Impossible "))
        .isEqualTo("Unconditionally Secure Commitment of a Certified Classical Bit is Impossible");
    assertThat(CleanText.collapse("a\u00a0\u00a0b\tc")).isEqualTo("a b c");
    assertThat(CleanText.collapse("already clean")).isEqualTo("already clean");
  }

  @Test
  void titleKeyIgnoresCaseAccentsPunctuationAndMangledMarkup() {
    assertThat(CleanText.titleKey("Kinetic paths as $n/d\\rightarrow 0$"))
        .isEqualTo(CleanText.titleKey("Kinetic Paths as n/drightarrow 0"));
    assertThat(CleanText.titleKey("Schrödinger: A Café?")).isEqualTo("schrodingeracafe");
  }
}
