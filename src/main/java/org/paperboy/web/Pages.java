package org.paperboy.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.paperboy.web.view.Page;

/** Renders a page template with the layout's {@link Page} filled in for this request. */
final class Pages {
  private final Templates templates;
  private final Auth auth;

  Pages(Templates templates, Auth auth) {
    this.templates = templates;
    this.auth = auth;
  }

  void render(Context ctx, String template, String title, String nav, Map<String, Object> params) {
    Page page =
        new Page(
            title,
            auth.user(ctx).orElse(null),
            auth.csrfToken(ctx),
            nav,
            "search".equals(nav) ? "" : nullToEmpty(ctx.queryParam("q")));
    Map<String, Object> all = new HashMap<>(params);
    all.put("page", page);
    ctx.header("Cache-Control", "no-store");
    ctx.html(templates.render(template + ".jte", all));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
