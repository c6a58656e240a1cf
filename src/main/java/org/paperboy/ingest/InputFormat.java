package org.paperboy.ingest;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The input formats the importer reads, with the names the CLI accepts for {@code --format}. */
public enum InputFormat {
  HF_DAILY("hf-daily"),
  OAI_PMH("oai-pmh"),
  ARXIV_API("arxiv-api"),
  KAGGLE("kaggle"),
  PAGE("page");

  private final String key;

  InputFormat(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<InputFormat> fromKey(String key) {
    return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
  }

  public static String keys() {
    return Arrays.stream(values()).map(InputFormat::key).collect(Collectors.joining(", "));
  }

  /** A parser for this format; {@code asOf} resolves dates without a year (page captures). */
  public PaperParser parser(LocalDate asOf) {
    return switch (this) {
      case HF_DAILY -> new HfDailyParser();
      case OAI_PMH -> new OaiPmhParser();
      case ARXIV_API -> new ArxivAtomParser();
      case KAGGLE -> new KaggleSnapshotParser();
      case PAGE -> new DailyPageParser(asOf);
    };
  }
}
