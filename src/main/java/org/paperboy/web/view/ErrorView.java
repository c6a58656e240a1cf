package org.paperboy.web.view;

/** An error page: status and message. */
public record ErrorView(int status, String title, String message) {}
