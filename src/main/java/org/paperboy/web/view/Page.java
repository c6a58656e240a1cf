package org.paperboy.web.view;

import org.paperboy.account.User;

/**
 * What every page needs besides its own content.
 *
 * @param user the signed-in reader, or null
 * @param csrf the token every form on the page must send back
 * @param nav which top-level tab is active: daily, trending, search, submit, account
 */
public record Page(String title, User user, String csrf, String nav, String query) {
  public boolean signedIn() {
    return user != null;
  }

  public boolean admin() {
    return user != null && user.isAdmin();
  }
}
