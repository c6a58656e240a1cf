package org.paperboy.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/** Renders the JTE templates precompiled at build time (HTML-escaped by default). */
final class Templates {
  private final TemplateEngine engine =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, Templates.class.getClassLoader(), "org.paperboy.web.jte");

  String render(String name, Map<String, Object> params) {
    StringOutput out = new StringOutput(8192);
    engine.render(name, params, out);
    return out.toString();
  }
}
