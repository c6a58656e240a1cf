package org.paperboy.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a stream into lines of raw bytes, so that a line with broken encoding is rejected on its
 * own instead of stopping the whole file.
 */
final class ByteLines {
  static final int MAX_LINE = 16 * 1024 * 1024;

  private final InputStream in;
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int len;
  private long lineNumber;
  private boolean tooLong;

  ByteLines(InputStream in) {
    this.in = in;
  }

  /** The next line without its terminator, or null at the end of the stream. */
  byte[] next() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(2048);
    tooLong = false;
    boolean any = false;
    while (true) {
      if (pos == len) {
        len = in.read(buf);
        pos = 0;
        if (len <= 0) {
          len = 0;
          if (!any) {
            return null;
          }
          lineNumber++;
          return line.toByteArray();
        }
      }
      any = true;
      int start = pos;
      while (pos < len && buf[pos] != '\n') {
        pos++;
      }
      if (!tooLong) {
        line.write(buf, start, pos - start);
        if (line.size() > MAX_LINE) {
          tooLong = true;
          line.reset();
        }
      }
      if (pos < len) {
        pos++; // the '\n'
        lineNumber++;
        return line.toByteArray();
      }
    }
  }

  long lineNumber() {
    return lineNumber;
  }

  boolean tooLong() {
    return tooLong;
  }
}
