package org.paperboy.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * Answers {@code HEAD} like {@code GET} (RFC 9110: same status and headers, no body): the routes
 * see a GET, and Jetty, which knows the request on the wire was a HEAD, sends no body. Without this
 * every HEAD answered 404 as {@code text/plain} with length 0, so link checkers and feed readers
 * that probe with HEAD saw every page as missing.
 */
final class HeadAsGet implements Filter {
  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) req;
    if (!"HEAD".equals(http.getMethod())) {
      chain.doFilter(req, res);
      return;
    }
    chain.doFilter(
        new HttpServletRequestWrapper(http) {
          @Override
          public String getMethod() {
            return "GET";
          }
        },
        res);
  }
}
