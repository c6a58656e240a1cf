package org.paperboy.web;

import io.javalin.http.Context;
import java.util.Map;
import org.paperboy.harvest.HarvestStore;

/** Pages only admins see: harvest state. */
final class AdminPages {
  private final Pages pages;
  private final Auth auth;
  private final HarvestStore harvests;

  AdminPages(Pages pages, Auth auth, HarvestStore harvests) {
    this.pages = pages;
    this.auth = auth;
    this.harvests = harvests;
  }

  void harvests(Context ctx) {
    auth.requireAdmin(ctx);
    pages.render(ctx, "admin", "Harvests", "", Map.of("harvests", harvests.all()));
  }
}
