package org.paperboy.web.view;

/** An author name as a link to the author's page. */
public record AuthorLink(String name, String href) {}
