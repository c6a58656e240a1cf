package org.paperboy.web.view;

import java.util.List;
import org.paperboy.account.ApiToken;

/** Account settings: email, API tokens (a new one is shown once). */
public record SettingsView(
    String email, List<ApiToken> tokens, String newToken, String error, String success) {}
