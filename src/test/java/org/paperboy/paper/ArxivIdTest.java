package org.paperboy.paper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArxivIdTest {

  @ParameterizedTest
  @CsvSource({
    "2311.01234, 2311.01234, 0",
    "2311.01234v3, 2311.01234, 3",
    "arXiv:2311.01234v2, 2311.01234, 2",
    "ARXIV:0704.0002, 0704.0002, 0",
    "https://arxiv.org/abs/2311.01234v2, 2311.01234, 2",
    "http://arxiv.org/pdf/1801.05533v1, 1801.05533, 1",
    "https://arxiv.org/pdf/2311.01234v2.pdf, 2311.01234, 2",
    "http://export.arxiv.org/abs/2311.01234, 2311.01234, 0",
    "oai:arXiv.org:hep-th/9901001, hep-th/9901001, 0",
    "hep-ex/0307015v1, hep-ex/0307015, 1",
    "math.GT/0309136, math/0309136, 0",
    "http://arxiv.org/abs/quant-ph/9912100v2, quant-ph/9912100, 2",
    "'  2405.15738 ', 2405.15738, 0"
  })
  void normalisesEverySpellingToTheBareId(String input, String id, int version) {
    assertThat(ArxivId.parse(input)).contains(new ArxivId(id, version));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "hello",
        "2311.123",
        "231.01234",
        "https://example.org/abs/2311.01234",
        "../etc"
      })
  void rejectsWhatIsNotAnArxivId(String input) {
    assertThat(ArxivId.parse(input)).isEmpty();
  }
}
