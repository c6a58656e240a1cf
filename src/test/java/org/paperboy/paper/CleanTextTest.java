package org.paperboy.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

  @Test
  void collapseAgreesWithTheRuleOnRandomText() {
    // The rule, spelled out slowly: drop what XML cannot carry, split on white space, join by one
    // space. The fast single pass must give the same string for any mix of these characters.
    char[] alphabet = {
      'a', 'b', 'Z', '1', '.', ' ', ' ', '\n', '\r', '\t', '\f', 0x0b, 0x01, 0x1f, 0x7f, 0x85, 0x90,
      0xa0, 0xe9, 0x1680, 0x2003, 0x2028, 0x202f, 0x3000, 0x6f22, 0xfffe, 0xffff, 0xd835, 0xdc9c
    };
    Random random = new Random(42);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int i = 0; i < length; i++) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String s = text.toString();
      assertThat(CleanText.collapse(s)).as("collapse of %s", escaped(s)).isEqualTo(slowly(s));
    }
    String clean = "already clean, nothing to do";
    assertThat(CleanText.collapse(clean)).isSameAs(clean);
  }

  private static String slowly(String s) {
    StringBuilder kept = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1));
      if (pair) {
        kept.append(c).append(s.charAt(++i));
      } else if (white(c)) {
        kept.append(' ');
      } else if (c >= ' '
          && (c < 0x7f || c > 0x9f)
          && c != 0xfffe
          && c != 0xffff
          && !Character.isSurrogate(c)) {
        kept.append(c);
      }
    }
    List<String> words = new ArrayList<>();
    for (String w : kept.toString().split(" ")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return String.join(" ", words);
  }

  /**
   * ASCII white space and Unicode's spaces (Character.isWhitespace or isSpaceChar, not 0x1c-0x1f).
   */
  private static boolean white(char c) {
    return c == ' '
        || c == '\n'
        || c == '\r'
        || c == '\t'
        || c == '\f'
        || c == 0x0b
        || c == 0x85
        || (c > 0x9f && (Character.isWhitespace(c) || Character.isSpaceChar(c)));
  }

  private static String escaped(String s) {
    StringBuilder out = new StringBuilder();
    s.chars().forEach(c -> out.append(String.format("\\u%04x", c)));
    return out.toString();
  }
}
