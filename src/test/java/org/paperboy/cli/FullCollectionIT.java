package org.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.testing.Cli;
import org.paperboy.testing.SharedData;

/** All of shared/data's arXiv and Hugging Face sources in one store: the numbers the issue pins. */
class FullCollectionIT {
  @TempDir Path tmp;

  @Test
  void theRealSourcesMakeExactly182555DistinctPapersAndASecondImportChangesNothing() {
    String data = tmp.resolve("data").toString();
    String[] args = {
      "import",
      "--data",
      data,
      "--quiet",
      SharedData.path("arxiv-oai-cs-2016").toString(),
      SharedData.path("arxiv-kaggle-format").toString(),
      SharedData.path("hf-daily").toString()
    };
    Cli.Result first = Cli.run(args);
    assertThat(first.exit()).as(first.err()).isZero();
    // 102,538 OAI + 74,728 Kaggle + 9,577 HF papers, of which 4,288 HF papers are also in Kaggle.
    assertThat(first.out()).contains("0 rejected");

    Cli.Result stats = Cli.run("stats", "--data", data, "--json");
    assertThat(stats.out())
        .contains("\"papers\" : 182555")
        .contains("\"oai\" : 102538")
        .contains("\"kaggle\" : 74728")
        .contains("\"hf\" : 9577");

    Cli.Result second = Cli.run(args);
    assertThat(second.exit()).isZero();
    assertThat(second.out()).startsWith("0 new, 0 updated, ");
  }
}
