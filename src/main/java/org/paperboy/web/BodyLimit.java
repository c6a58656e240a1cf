package org.paperboy.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * Caps every request body while it streams in, whatever its framing: a {@code Content-Length} over
 * the cap is refused before reading (see {@link WebServer}), and a chunked body is cut off at the
 * first byte past it with {@link TooLarge}, which {@link ErrorMapper} answers with 413. Without
 * this, a chunked body would be read whole into memory before any check.
 */
final class BodyLimit implements Filter {
  private final java.util.function.ToLongFunction<String> max;

  /**
   * @param max the cap for a request path
   */
  BodyLimit(java.util.function.ToLongFunction<String> max) {
    this.max = max;
  }

  /** Thrown by a body read once more than the cap has arrived. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long max) {
      super("the request body is larger than " + max / 1024 + " KiB");
    }
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) req;
    chain.doFilter(new Capped(http, max.applyAsLong(http.getRequestURI())), res);
  }

  private static final class Capped extends HttpServletRequestWrapper {
    private final long max;
    private ServletInputStream in;

    Capped(HttpServletRequest req, long max) {
      super(req);
      this.max = max;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (in == null) {
        in = new CappedStream(super.getInputStream(), max);
      }
      return in;
    }
  }

  private static final class CappedStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long max;
    private long read;

    CappedStream(ServletInputStream in, long max) {
      this.in = in;
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      // Never ask for more than one byte past the cap, so an oversized body stops here.
      int n = in.read(buf, off, (int) Math.min(len, Math.max(1, max + 1 - read)));
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws TooLarge {
      read += n;
      if (read > max) {
        throw new TooLarge(max);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
