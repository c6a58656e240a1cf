package org.paperboy.community;

import java.util.Optional;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Paper;

/** Where a submitted paper's metadata comes from when the library does not hold it yet. */
@FunctionalInterface
public interface ArxivLookup {

  /**
   * The paper with this id, or empty when arXiv has none.
   *
   * @throws Unavailable when arXiv cannot be asked now
   */
  Optional<Paper> fetch(ArxivId id);

  /** arXiv did not answer (network, rate limit, a broken response); says why. */
  final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
