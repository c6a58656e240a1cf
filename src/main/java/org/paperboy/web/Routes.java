package org.paperboy.web;

import io.javalin.Javalin;

/**
 * Every route the server answers, in one table: adding a page touches its class and this table.
 * Handlers live in one class per area; failures become responses in {@link ErrorMapper} only.
 */
record Routes(
    FeedPages feeds,
    PaperPages papers,
    SearchPage search,
    ForYouPages forYou,
    AccountPages accounts,
    DigestPages digests,
    AdminPages admin,
    AtomFeeds atom,
    PaperApi api,
    LibraryPages library,
    ListPages lists,
    AuthorPages authors,
    OpsEndpoints ops) {

  void install(Javalin app) {
    // Pages
    app.get("/", feeds::latest);
    app.get("/trending", feeds::trending);
    app.get("/papers/{a}", papers::paperPage);
    app.get("/papers/{a}/{b}", papers::twoSegments); // date/week/month feeds; old-style ids
    app.get("/search", search::search);
    app.get("/search.bib", search::bibtex);
    app.get("/search.ris", search::ris);
    app.get("/for-you", forYou::page);
    app.get("/submit", papers::submitPage);
    app.post("/submit", papers::submit);
    app.post("/actions/upvote", papers::upvote);
    app.post("/actions/comment", papers::comment);
    app.post("/for-you/topics", forYou::addTopic);
    app.post("/for-you/topics/remove", forYou::removeTopic);
    app.post("/for-you/dismiss", forYou::dismiss);

    // Accounts
    app.get("/signin", accounts::signInPage);
    app.post("/signin", accounts::signIn);
    app.get("/signup", accounts::signUpPage);
    app.post("/signup", accounts::signUp);
    app.post("/signout", accounts::signOut);
    app.get("/settings", accounts::settingsPage);
    app.post("/settings/email", accounts::email);
    app.post("/settings/tokens", accounts::newToken);
    app.post("/settings/tokens/revoke", accounts::revokeToken);

    // A reader's library
    app.get("/library", library::page);
    app.post("/library/import", library::importFile);
    app.post("/library/clear", library::clear);

    // Authors (/authors/{key}.atom too)
    app.get("/authors/{key}", authors::page);
    app.post("/authors/{key}/follow", authors::follow);
    app.post("/authors/{key}/unfollow", authors::unfollow);
    app.post("/authors/{key}/claim", authors::claim);
    app.post("/authors/{key}/unclaim", authors::unclaim);

    // Reading lists (/lists/{id}.bib, .ris and, when public, .atom too)
    app.get("/lists", lists::mine);
    app.post("/lists", lists::create);
    app.post("/lists/save", lists::save);
    app.get("/lists/{id}", lists::list);
    app.post("/lists/{id}/edit", lists::edit);
    app.post("/lists/{id}/delete", lists::delete);
    app.post("/lists/{id}/add", lists::add);
    app.post("/lists/{id}/remove", lists::remove);
    app.post("/lists/{id}/move", lists::move);
    app.post("/lists/{id}/note", lists::note);

    // Email digests
    app.get("/digest", digests::subscribeForm);
    app.post("/digest/subscribe", digests::subscribe);
    app.get("/digest/confirm", digests::confirm);
    app.get("/digest/unsubscribe", digests::unsubscribeForm);
    app.post("/digest/unsubscribe", digests::unsubscribe);
    app.get("/digest/preferences", digests::preferencesForm);
    app.post("/digest/preferences", digests::savePreferences);
    app.get("/digest/preview", digests::preview);

    // Administration
    app.get("/admin/harvest", admin::harvests);
    app.post("/admin/papers/hide", papers::hidePaper);
    app.post("/admin/comments/hide", papers::hideComment);

    // Atom feeds
    app.get("/feeds/daily.atom", atom::daily);
    app.get("/feeds/trending.atom", atom::trending);
    app.get("/feeds/search.atom", atom::search);

    // JSON API (documented in /api/openapi.json)
    app.get("/api/openapi.json", api::openApi);
    app.get("/api/daily_papers", api::daily);
    app.get("/api/papers/search", api::search);
    app.get("/api/papers/<rest>", api::getPaper);
    app.post("/api/papers/<rest>", api::post);
    app.delete("/api/papers/<rest>", api::delete);
    app.post("/api/library/import", library::apiImport);
    app.get("/api/authors/{key}", authors::api);
    app.post("/api/authors/{key}/follow", authors::apiFollow);
    app.delete("/api/authors/{key}/follow", authors::apiUnfollow);
    app.get("/api/lists", lists::apiMine);
    app.post("/api/lists", lists::apiCreate);
    app.get("/api/lists/{id}", lists::apiList);
    app.post("/api/lists/{id}/papers", lists::apiAdd);
    app.delete("/api/lists/{id}/papers", lists::apiRemove);
    app.get("/api/for-you", forYou::api);
    app.get("/api/topics", forYou::apiTopics);
    app.post("/api/topics", forYou::apiAddTopic);
    app.delete("/api/topics", forYou::apiRemoveTopic);

    // Operations
    app.get("/healthz", ops::live);
    app.get("/readyz", ops::ready);
    app.get("/metrics", ops::metrics);
  }
}
