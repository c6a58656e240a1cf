package org.paperboy.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Recognises an input format by its first bytes (after decompression), not by its file name. */
public final class FormatDetector {
  /** How many bytes the detector needs to see. */
  public static final int HEAD_BYTES = 8192;

  private FormatDetector() {}

  public static Optional<InputFormat> detect(byte[] head, int length) {
    String text = new String(head, 0, length, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String s = text.stripLeading();
    if (s.startsWith("[")) {
      return Optional.of(InputFormat.HF_DAILY);
    }
    if (s.startsWith("{")) {
      String compact = s.replaceAll("\\s+", "");
      return Optional.of(
          compact.startsWith("{\"paper\"") ? InputFormat.HF_DAILY : InputFormat.KAGGLE);
    }
    if (s.startsWith("<")) {
      if (s.contains("<OAI-PMH")) {
        return Optional.of(InputFormat.OAI_PMH);
      }
      if (s.contains("<feed")) {
        return Optional.of(InputFormat.ARXIV_API);
      }
      return Optional.empty();
    }
    if (s.contains("byAK and the research community")
        || s.contains("Get trending papers in your email inbox")
        || s.startsWith("Daily Papers")) {
      return Optional.of(InputFormat.PAGE);
    }
    return Optional.empty();
  }
}
