package org.paperboy.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LibraryFileTest {
  /** As Zotero 7 exports BibTeX: arXiv preprints as @misc with eprint, or by URL and DOI. */
  static final String ZOTERO_BIB =
      """
      @comment{exported by Zotero}
      @misc{vaswani_attention_2017,
      \ttitle = {Attention {Is} {All} {You} {Need}},
      \turl = {http://arxiv.org/abs/1706.03762},
      \tdoi = {10.48550/arXiv.1706.03762},
      \tpublisher = {arXiv},
      \tauthor = {Vaswani, Ashish and Shazeer, Noam},
      \tyear = {2017},
      \tnote = {arXiv:1706.03762 [cs]},
      }

      @article{devlin2019bert,
        title="{BERT}: Pre-training of Deep Bidirectional Transformers",
        journal = {arXiv preprint arXiv:1810.04805},
        year = 2019
      }

      @inproceedings{kingma2015,
        title = {Adam},
        eprint = {1412.6980v9},
        archivePrefix = {arXiv},
      }

      @book{knuth1984, title = {The {TeX}book}, year = {1984}, publisher = "Addison" # "-Wesley"}
      """;

  static final String ZOTERO_RIS =
      "TY  - PREPRINT\r\n"
          + "TI  - Attention Is All You Need\r\n"
          + "AU  - Vaswani, Ashish\r\n"
          + "DO  - 10.48550/arXiv.1706.03762\r\n"
          + "UR  - http://arxiv.org/abs/1706.03762\r\n"
          + "ER  - \r\n"
          + "\r\n"
          + "TY  - JOUR\r\n"
          + "TI  - Old-style\r\n"
          + "UR  - https://arxiv.org/abs/hep-th/9901001v2\r\n"
          + "ER  - \r\n"
          + "TY  - BOOK\r\n"
          + "TI  - No arXiv here\r\n"
          + "ER  - \r\n";

  @Test
  void readsArxivIdsFromEveryPlaceReferenceManagersPutThem() {
    LibraryFile.Parsed bib = LibraryFile.parse(ZOTERO_BIB);
    assertThat(bib.format()).isEqualTo("BibTeX");
    assertThat(bib.errors()).isEmpty();
    assertThat(bib.entries())
        .extracting(e -> e.arxivId().orElse("-"))
        .containsExactly("1706.03762", "1810.04805", "1412.6980", "-");
    assertThat(bib.entries().get(0).label())
        .isEqualTo("record 1 (line 2, vaswani_attention_2017, “Attention Is All You Need”)");

    LibraryFile.Parsed ris = LibraryFile.parse(ZOTERO_RIS);
    assertThat(ris.format()).isEqualTo("RIS");
    assertThat(ris.errors()).isEmpty();
    assertThat(ris.entries())
        .extracting(e -> e.arxivId().orElse("-"))
        .containsExactly("1706.03762", "hep-th/9901001", "-");
  }

  @Test
  void eachBadRecordGetsOneLineNamingItsNumberLineAndFault() {
    String bad =
        """
        @misc{good, title = {Fine}, eprint = {1706.03762}}
        @misc{nocomma title = {x}}
        @misc{bad2, title = {Unclosed, year = {2020}}
        """;
    LibraryFile.Parsed p = LibraryFile.parse(bad);
    assertThat(p.errors()).hasSize(2);
    assertThat(p.errors().get(0)).startsWith("record 2 (line 2, @misc): ");
    assertThat(p.errors().get(1)).startsWith("record 3 (line 3, @misc): unbalanced braces");

    LibraryFile.Parsed ris =
        LibraryFile.parse("TY  - JOUR\nTI  - x\nTY  - JOUR\nER  - \nAU  - y\n");
    assertThat(ris.errors())
        .containsExactly(
            "record 1 (line 1): a new TY before its ER",
            "line 5: AU outside a record (no TY before it)");

    assertThat(LibraryFile.parse("just some text").errors())
        .containsExactly(
            "the file is neither BibTeX (@article{…}) nor RIS (TY  - …): nothing imported");
    assertThat(LibraryFile.parse("TY  - JOUR\nTI  - never ends\n").errors())
        .containsExactly("record starting at line 1: the file ends before its ER line");
  }

  @Test
  void aLargeLibraryParsesInLinearTime() {
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      big.append("@misc{k").append(i).append(", title = {Paper ").append(i);
      big.append("}, eprint = {2401.").append(String.format("%05d", i)).append("}}\n");
    }
    LibraryFile.Parsed p = LibraryFile.parse(big.toString());
    assertThat(p.errors()).isEmpty();
    assertThat(p.entries()).hasSize(20_000);
    assertThat(p.entries().get(19_999).label()).startsWith("record 20000 (line 20000, k19999");
  }
}
