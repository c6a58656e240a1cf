package org.paperboy.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperboy.account.User;
import org.paperboy.library.LibraryImport;
import org.paperboy.web.view.LibraryView;

/** A reader's library: importing a reference manager's export as seed interests (page and API). */
final class LibraryPages {
  /** Imports may be larger than other requests: a whole library with abstracts. */
  static final long MAX_IMPORT_BYTES = 4L * 1024 * 1024;

  private final WebServices s;
  private final Pages pages;
  private final Auth auth;

  LibraryPages(WebServices s, Pages pages, Auth auth) {
    this.s = s;
    this.pages = pages;
    this.auth = auth;
  }

  void page(Context ctx) {
    User u = auth.user(ctx).orElse(null);
    if (u == null) {
      ctx.redirect("/signin?next=/library", HttpStatus.SEE_OTHER);
      return;
    }
    render(ctx, u, List.of(), List.of(), null);
  }

  void importFile(Context ctx) {
    auth.checkCsrf(ctx);
    User u = auth.requireUser(ctx);
    String text = uploaded(ctx);
    try {
      LibraryImport.Report r = s.library().run(u.id(), text);
      render(ctx, u, sentences(r), List.of(), null);
    } catch (LibraryImport.Rejected e) {
      ctx.status(422);
      render(ctx, u, List.of(), e.problems(), "Nothing was imported: " + e.getMessage());
    }
  }

  void clear(Context ctx) {
    auth.checkCsrf(ctx);
    User u = auth.requireUser(ctx);
    int n = s.recommender().interests().clearSeeds(u.id());
    render(ctx, u, List.of("Forgot " + n + " imported papers."), List.of(), null);
  }

  /**
   * {@code POST /api/library/import}: the file as the request body. A rejected file is answered by
   * {@link ErrorMapper} (422, one problem line per bad record).
   */
  void apiImport(Context ctx) {
    User u = auth.requireApiUser(ctx);
    LibraryImport.Report r = s.library().run(u.id(), ctx.body());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", r.format());
    m.put("records", r.records());
    m.put("seeds", r.matched());
    m.put("added", r.added());
    m.put("notInLibrary", r.missing());
    m.put("notArxiv", r.notArxiv());
    ctx.json(m);
  }

  private String uploaded(Context ctx) {
    String text = null;
    if (ctx.isMultipartFormData()) {
      UploadedFile f = ctx.uploadedFile("file");
      if (f != null && f.size() > 0) {
        try (InputStream in = f.content()) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw WebError.badRequest("file: could not be read: " + e.getMessage());
        }
      }
    }
    if (text == null || text.isBlank()) {
      text = ctx.formParam("text");
    }
    if (text == null || text.isBlank()) {
      throw WebError.badRequest("file: choose a .bib or .ris file, or paste its text");
    }
    return text;
  }

  private static List<String> sentences(LibraryImport.Report r) {
    List<String> out = new ArrayList<>();
    out.add(
        "Read "
            + r.records()
            + " "
            + r.format()
            + " records: "
            + r.matched().size()
            + " arXiv papers found here ("
            + r.added()
            + " new to your library).");
    if (!r.missing().isEmpty()) {
      out.add(
          r.missing().size()
              + " arXiv papers are not in this site's collection yet: "
              + String.join(", ", r.missing().subList(0, Math.min(10, r.missing().size())))
              + (r.missing().size() > 10 ? ", …" : "")
              + ".");
    }
    if (r.notArxiv() > 0) {
      out.add(r.notArxiv() + " records name no arXiv paper and were skipped.");
    }
    return out;
  }

  private void render(
      Context ctx, User u, List<String> report, List<String> problems, String error) {
    LibraryView view =
        new LibraryView(s.recommender().interests().seedCount(u.id()), report, problems, error);
    pages.render(ctx, "library", "Library", "library", Map.of("view", view));
  }
}
