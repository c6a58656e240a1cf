package org.paperboy.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.paperboy.store.PaperStore;

/** The whole collection as BibTeX or RIS, streamed in id order (for {@code export --format}). */
public final class CitationExporter {
  private CitationExporter() {}

  /** Writes every live paper; returns how many. */
  public static long write(PaperStore store, OutputStream out, boolean bibtex) {
    AtomicLong n = new AtomicLong();
    BibTex bib = new BibTex();
    StringBuilder buf = new StringBuilder(1 << 16);
    store.forEachLive(
        p -> {
          if (bibtex) {
            bib.append(buf, p);
          } else {
            buf.append(Ris.of(List.of(p)));
          }
          n.incrementAndGet();
          if (buf.length() > 1 << 16) {
            flush(buf, out);
          }
        });
    flush(buf, out);
    return n.get();
  }

  private static void flush(StringBuilder buf, OutputStream out) {
    try {
      out.write(buf.toString().getBytes(StandardCharsets.UTF_8));
      buf.setLength(0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write export: " + e.getMessage(), e);
    }
  }
}
