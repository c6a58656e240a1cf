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

  @Test
  void dropsWhatXmlCannotCarryAndKeepsEverythingElse() {
    assertThat(CleanText.collapse("a\u0001b\u0000 c\u0008\u001f\u007f\u0090 \ufffe\uffffd"))
        .isEqualTo("ab c d");
    // Paired surrogates (an emoji, a math letter) stay; a lone half is dropped.
    assertThat(CleanText.collapse("x \ud835\udc9c y \ud83d z \ude00"))
        .isEqualTo("x \ud835\udc9c y z");
    assertThat(CleanText.collapse("caf\u00e9 \u6f22\u5b57 \uff21"))
        .isEqualTo("caf\u00e9 \u6f22\u5b57 \uff21");
    // Comments keep their line breaks and tabs; CR LF becomes LF.
    assertThat(CleanText.dropControls("one\u0000\r\ntwo\tthree\u001b[0m"))
        .isEqualTo("one\ntwo\tthree[0m");
    assertThat(CleanText.dropControls(null)).isNull();
  }
}
