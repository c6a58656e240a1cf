package org.paperboy.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream into lines of raw bytes, so that a line with broken encoding is rejected on its
 * own instead of stopping the whole file. The line buffer is reused: read it before calling {@link
 * #next()} again.
 */
final class ByteLines {
  static final int MAX_LINE = 16 * 1024 * 1024;

  private final InputStream in;
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int len;
  private byte[] line = new byte[8 * 1024];
  private int lineLength;
  private long lineNumber;
  private boolean tooLong;

  ByteLines(InputStream in) {
    this.in = in;
  }

  /** Advances to the next line; false at the end of the stream. */
  boolean next() throws IOException {
    lineLength = 0;
    tooLong = false;
    boolean any = false;
    while (true) {
      if (pos == len) {
        len = in.read(buf);
        pos = 0;
        if (len <= 0) {
          len = 0;
          if (any) {
            lineNumber++;
          }
          return any;
        }
      }
      any = true;
      int start = pos;
      while (pos < len && buf[pos] != '\n') {
        pos++;
      }
      append(start, pos - start);
      if (pos < len) {
        pos++; // the '\n'
        lineNumber++;
        return true;
      }
    }
  }

  private void append(int start, int n) {
    if (tooLong) {
      return;
    }
    if (lineLength + n > MAX_LINE) {
      tooLong = true;
      lineLength = 0;
      return;
    }
    if (lineLength + n > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + n));
    }
    System.arraycopy(buf, start, line, lineLength, n);
    lineLength += n;
  }

  byte[] bytes() {
    return line;
  }

  int length() {
    return lineLength;
  }

  long lineNumber() {
    return lineNumber;
  }

  boolean tooLong() {
    return tooLong;
  }
}
