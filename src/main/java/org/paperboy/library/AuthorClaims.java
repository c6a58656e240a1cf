package org.paperboy.library;

import java.time.Clock;
import java.util.Optional;
import org.paperboy.store.Jdbc;

/**
 * "My papers": a signed-in reader claims an author name as their own. One claimant per author key
 * (the first); the claimant or an admin can remove a claim. A claim is shown on the author page; it
 * changes no paper.
 */
public final class AuthorClaims {
  /** A claim: who claimed the author, under which spelling. */
  public record Claim(String authorKey, String userId, String username, String name) {}

  private final Jdbc jdbc;
  private final Clock clock;

  public AuthorClaims(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Optional<Claim> of(String authorKey) {
    return jdbc.one(
        "SELECT c.author_key, c.user_id, u.username, c.name FROM author_claims c"
            + " JOIN users u ON u.id = c.user_id WHERE c.author_key = ?",
        rs -> new Claim(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
        authorKey);
  }

  /**
   * Claims the author for {@code userId}.
   *
   * @throws ListException when someone else has claimed it
   */
  public void claim(String authorKey, String userId, String name) {
    int n =
        jdbc.update(
            "INSERT INTO author_claims (author_key, user_id, name, created_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (author_key) DO NOTHING",
            authorKey,
            userId,
            name,
            clock.millis());
    if (n == 0 && !of(authorKey).map(c -> c.userId().equals(userId)).orElse(false)) {
      throw ListException.bad(
          name + " is claimed by another reader; an admin can remove a wrong claim");
    }
  }

  /**
   * Removes a claim: the claimant's own, or any when {@code admin}.
   *
   * @throws ListException when there is no claim this reader may remove
   */
  public void unclaim(String authorKey, String userId, boolean admin) {
    Claim c =
        of(authorKey).orElseThrow(() -> ListException.notFound("nobody has claimed this author"));
    if (!admin && !c.userId().equals(userId)) {
      throw ListException.bad("only " + c.username() + " or an admin can remove this claim");
    }
    jdbc.update("DELETE FROM author_claims WHERE author_key = ?", authorKey);
  }
}
