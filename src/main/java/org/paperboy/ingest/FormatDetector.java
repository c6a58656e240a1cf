package org.paperboy.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Recognises an input format by its first bytes (after decompression), not by its file name. */
public final class FormatDetector {
  /** How many bytes the detector needs to see. */
  public static final int HEAD_BYTES = 8192;

  private FormatDetector() {}

  /**
   * Whether the start of a file is UTF-8 text: no NUL byte and no malformed sequence (a sequence
   * cut off at the end of the head is fine). Every input format is text, so a file that fails this
   * is refused whole with one line, not line by line.
   */
  public static boolean isText(byte[] head, int length) {
    for (int i = 0; i < length; i++) {
      if (head[i] == 0) {
        return false;
      }
    }
    java.nio.charset.CharsetDecoder utf8 =
        java.nio.charset.StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    return !utf8.decode(
            java.nio.ByteBuffer.wrap(head, 0, length), java.nio.CharBuffer.allocate(length), false)
        .isError();
  }

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
