package org.paperboy.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.paperboy.export.BibTex;
import org.paperboy.export.Ris;
import org.paperboy.paper.Paper;

/** Papers as BibTeX or RIS downloads: a paper ({@code /papers/ID.bib}), a search, a list. */
final class Citations {
  private Citations() {}

  enum Format {
    BIBTEX(".bib", "application/x-bibtex; charset=utf-8"),
    RIS(".ris", "application/x-research-info-systems; charset=utf-8");

    final String suffix;
    final String contentType;

    Format(String suffix, String contentType) {
      this.suffix = suffix;
      this.contentType = contentType;
    }

    /** The format a path segment asks for by its suffix ({@code 2401.00001.bib}). */
    static Optional<Format> of(String segment) {
      for (Format f : values()) {
        if (segment.endsWith(f.suffix) && segment.length() > f.suffix.length()) {
          return Optional.of(f);
        }
      }
      return Optional.empty();
    }

    String strip(String segment) {
      return segment.substring(0, segment.length() - suffix.length());
    }

    String render(List<Paper> papers) {
      return this == BIBTEX ? BibTex.of(papers) : Ris.of(papers);
    }
  }

  /** Sends {@code papers} as a file named {@code name} plus the format's suffix. */
  static void send(Context ctx, Format f, String name, List<Paper> papers) {
    String file = name.replaceAll("[^A-Za-z0-9._-]+", "-") + f.suffix;
    ctx.header("Content-Disposition", "inline; filename=\"" + file + "\"");
    ctx.contentType(f.contentType).result(f.render(papers));
  }
}
