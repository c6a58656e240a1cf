package org.paperboy.foryou;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.paperboy.store.Jdbc;

/** A reader's upvotes, dismissals and topics (portable SQL). */
public final class InterestStore {
  /** The newest upvotes a model learns from. */
  static final int MAX_POSITIVES = 500;

  private final Jdbc jdbc;

  public InterestStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Papers the reader upvoted, newest first, at most {@link #MAX_POSITIVES}. */
  public List<String> upvoted(String userId) {
    return jdbc.list(
        "SELECT paper_id FROM votes WHERE user_id = ? ORDER BY created_at DESC, paper_id LIMIT ?",
        rs -> rs.getString(1),
        userId,
        MAX_POSITIVES);
  }

  /**
   * Papers from the reader's imported reference library (see {@code library.LibraryImport}): they
   * count as liked, like upvotes, at most {@link #MAX_POSITIVES}, newest import first.
   */
  public List<String> seeds(String userId) {
    return jdbc.list(
        "SELECT paper_id FROM seed_papers WHERE user_id = ? ORDER BY created_at DESC, paper_id"
            + " LIMIT ?",
        rs -> rs.getString(1),
        userId,
        MAX_POSITIVES);
  }

  /** Adds library papers in one transaction; returns how many were new. */
  public int addSeeds(String userId, java.util.Collection<String> paperIds, Instant now) {
    return jdbc.inTransaction(
        c -> {
          int added = 0;
          for (String id : paperIds) {
            added +=
                Jdbc.update(
                    c,
                    "INSERT INTO seed_papers (user_id, paper_id, created_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (user_id, paper_id) DO NOTHING",
                    userId,
                    id,
                    now.toEpochMilli());
          }
          return added;
        });
  }

  /** Forgets the reader's imported library; returns how many papers it held. */
  public int clearSeeds(String userId) {
    return jdbc.update("DELETE FROM seed_papers WHERE user_id = ?", userId);
  }

  /** How many papers the reader's imported library holds. */
  public long seedCount(String userId) {
    return jdbc.count("SELECT COUNT(*) FROM seed_papers WHERE user_id = ?", userId);
  }

  /** The reader's topics, then one {@link Topic.Kind#AUTHOR} topic per followed author. */
  public List<Topic> topicsAndAuthors(String userId) {
    List<Topic> all = new java.util.ArrayList<>(topics(userId));
    all.addAll(authorTopics(userId));
    return all;
  }

  /** The followed authors as topics (the digest's "From authors you follow"). */
  public List<Topic> authorTopics(String userId) {
    return followed(userId).stream().map(a -> new Topic(Topic.Kind.AUTHOR, a.name())).toList();
  }

  /** An author a reader follows: the author key and the name shown. */
  public record Followed(String key, String name) {}

  /** Most authors one reader may follow. */
  public static final int MAX_FOLLOWED = 200;

  /** Authors the reader follows, in the order they were followed. */
  public List<Followed> followed(String userId) {
    return jdbc.list(
        "SELECT author_key, name FROM author_follows WHERE user_id = ? ORDER BY created_at, author_key",
        rs -> new Followed(rs.getString(1), rs.getString(2)),
        userId);
  }

  /**
   * Follows an author; false when the reader already does.
   *
   * @throws IllegalArgumentException past {@link #MAX_FOLLOWED}
   */
  public boolean follow(String userId, Followed author, Instant now) {
    return jdbc.inTransaction(
        c -> {
          long have =
              Jdbc.list(
                      c,
                      "SELECT COUNT(*) FROM author_follows WHERE user_id = ?",
                      rs -> rs.getLong(1),
                      userId)
                  .get(0);
          if (have >= MAX_FOLLOWED) {
            throw new IllegalArgumentException(
                "you follow " + have + " authors already (at most " + MAX_FOLLOWED + ")");
          }
          return Jdbc.update(
                  c,
                  "INSERT INTO author_follows (user_id, author_key, name, created_at) VALUES (?, ?, ?, ?)"
                      + " ON CONFLICT (user_id, author_key) DO NOTHING",
                  userId,
                  author.key(),
                  author.name(),
                  now.toEpochMilli())
              > 0;
        });
  }

  public boolean unfollow(String userId, String authorKey) {
    return jdbc.update(
            "DELETE FROM author_follows WHERE user_id = ? AND author_key = ?", userId, authorKey)
        > 0;
  }

  /** Marks a paper "not interested"; false when it already was. */
  public boolean dismiss(String userId, String paperId, Instant now) {
    return jdbc.update(
            "INSERT INTO dismissals (user_id, paper_id, created_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (user_id, paper_id) DO NOTHING",
            userId,
            paperId,
            now.toEpochMilli())
        > 0;
  }

  public boolean undismiss(String userId, String paperId) {
    return jdbc.update("DELETE FROM dismissals WHERE user_id = ? AND paper_id = ?", userId, paperId)
        > 0;
  }

  /** Papers the reader dismissed, in id order. */
  public Set<String> dismissed(String userId) {
    return new TreeSet<>(
        jdbc.list(
            "SELECT paper_id FROM dismissals WHERE user_id = ?", rs -> rs.getString(1), userId));
  }

  /** The reader's topics in the order they were added. */
  public List<Topic> topics(String userId) {
    return jdbc.list(
        "SELECT kind, value FROM topics WHERE user_id = ? ORDER BY created_at, kind, value",
        rs -> new Topic(Topic.Kind.parse(rs.getString(1)), rs.getString(2)),
        userId);
  }

  /**
   * Adds a topic; false when the reader already has it.
   *
   * @throws IllegalArgumentException when the reader already has {@link Topic#MAX_PER_READER}
   */
  public boolean addTopic(String userId, Topic topic, Instant now) {
    return jdbc.inTransaction(
        c -> {
          long have =
              Jdbc.list(
                      c,
                      "SELECT COUNT(*) FROM topics WHERE user_id = ?",
                      rs -> rs.getLong(1),
                      userId)
                  .get(0);
          if (have >= Topic.MAX_PER_READER) {
            throw new IllegalArgumentException(
                "you follow " + have + " topics already; remove one first");
          }
          return Jdbc.update(
                  c,
                  "INSERT INTO topics (user_id, kind, value, created_at) VALUES (?, ?, ?, ?)"
                      + " ON CONFLICT (user_id, kind, value) DO NOTHING",
                  userId,
                  topic.kind().key(),
                  topic.value(),
                  now.toEpochMilli())
              > 0;
        });
  }

  public boolean removeTopic(String userId, Topic topic) {
    return jdbc.update(
            "DELETE FROM topics WHERE user_id = ? AND kind = ? AND value = ?",
            userId,
            topic.kind().key(),
            topic.value())
        > 0;
  }
}
