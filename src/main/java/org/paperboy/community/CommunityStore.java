package org.paperboy.community;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.paperboy.account.Tokens;
import org.paperboy.store.Jdbc;

/** Votes, comments, submissions and hidden papers (portable SQL). */
public final class CommunityStore {
  private static final int IN_CHUNK = 500;
  private final Jdbc jdbc;

  public CommunityStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds a vote; false when this reader had already voted (the primary key decides). */
  public boolean vote(String userId, String paperId, Instant now) {
    return jdbc.update(
            "INSERT INTO votes (user_id, paper_id, created_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (user_id, paper_id) DO NOTHING",
            userId,
            paperId,
            now.toEpochMilli())
        > 0;
  }

  public boolean unvote(String userId, String paperId) {
    return jdbc.update("DELETE FROM votes WHERE user_id = ? AND paper_id = ?", userId, paperId) > 0;
  }

  /** Which of {@code paperIds} this reader voted for. */
  public Set<String> votedBy(String userId, Collection<String> paperIds) {
    Set<String> out = new HashSet<>();
    for (List<String> chunk : chunks(paperIds)) {
      Object[] params = new Object[chunk.size() + 1];
      params[0] = userId;
      for (int i = 0; i < chunk.size(); i++) {
        params[i + 1] = chunk.get(i);
      }
      out.addAll(
          jdbc.list(
              "SELECT paper_id FROM votes WHERE user_id = ? AND paper_id IN ("
                  + Jdbc.placeholders(chunk.size())
                  + ")",
              rs -> rs.getString(1),
              params));
    }
    return out;
  }

  /** Local votes and visible comments per paper; papers with neither are absent. */
  public Map<String, Counts> counts(Collection<String> paperIds) {
    Map<String, int[]> acc = new HashMap<>();
    for (List<String> chunk : chunks(paperIds)) {
      String in = Jdbc.placeholders(chunk.size());
      Object[] params = chunk.toArray();
      jdbc.list(
              "SELECT paper_id, COUNT(*) FROM votes WHERE paper_id IN ("
                  + in
                  + ") GROUP BY paper_id",
              rs -> Map.entry(rs.getString(1), rs.getInt(2)),
              params)
          .forEach(e -> acc.computeIfAbsent(e.getKey(), k -> new int[2])[0] = e.getValue());
      jdbc.list(
              "SELECT paper_id, COUNT(*) FROM comments WHERE hidden = 0 AND paper_id IN ("
                  + in
                  + ") GROUP BY paper_id",
              rs -> Map.entry(rs.getString(1), rs.getInt(2)),
              params)
          .forEach(e -> acc.computeIfAbsent(e.getKey(), k -> new int[2])[1] = e.getValue());
    }
    Map<String, Counts> out = new HashMap<>();
    acc.forEach((id, c) -> out.put(id, new Counts(c[0], c[1])));
    return out;
  }

  public Comment addComment(String paperId, String userId, String body, Instant now) {
    String id = Tokens.id();
    jdbc.update(
        "INSERT INTO comments (id, paper_id, user_id, body, created_at, hidden)"
            + " VALUES (?, ?, ?, ?, ?, 0)",
        id,
        paperId,
        userId,
        body,
        now.toEpochMilli());
    return comment(id).orElseThrow();
  }

  public Optional<Comment> comment(String id) {
    return jdbc.one(
        "SELECT c.id, c.paper_id, c.user_id, u.username, c.body, c.created_at, c.hidden"
            + " FROM comments c JOIN users u ON u.id = c.user_id WHERE c.id = ?",
        CommunityStore::comment,
        id);
  }

  /** A paper's comments, oldest first; hidden ones only when {@code withHidden}. */
  public List<Comment> comments(String paperId, boolean withHidden) {
    return jdbc.list(
        "SELECT c.id, c.paper_id, c.user_id, u.username, c.body, c.created_at, c.hidden"
            + " FROM comments c JOIN users u ON u.id = c.user_id WHERE c.paper_id = ?"
            + (withHidden ? "" : " AND c.hidden = 0")
            + " ORDER BY c.created_at, c.id",
        CommunityStore::comment,
        paperId);
  }

  public boolean setCommentHidden(String commentId, boolean hidden) {
    return jdbc.update("UPDATE comments SET hidden = ? WHERE id = ?", hidden ? 1 : 0, commentId)
        > 0;
  }

  /** Records a submission; false when the paper was submitted before. */
  public boolean submit(String paperId, String userId, LocalDate day, Instant now) {
    return jdbc.update(
            "INSERT INTO submissions (paper_id, user_id, day, created_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (paper_id) DO NOTHING",
            paperId,
            userId,
            day.toString(),
            now.toEpochMilli())
        > 0;
  }

  /** Who submitted a paper here, when it was submitted here. */
  public Optional<String> submitter(String paperId) {
    return jdbc.one(
        "SELECT u.username FROM submissions s JOIN users u ON u.id = s.user_id"
            + " WHERE s.paper_id = ?",
        rs -> rs.getString(1),
        paperId);
  }

  public void hidePaper(String paperId, String adminId, Instant now) {
    jdbc.update(
        "INSERT INTO hidden_papers (paper_id, hidden_by, created_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (paper_id) DO NOTHING",
        paperId,
        adminId,
        now.toEpochMilli());
  }

  public void unhidePaper(String paperId) {
    jdbc.update("DELETE FROM hidden_papers WHERE paper_id = ?", paperId);
  }

  public boolean isHidden(String paperId) {
    return jdbc.count("SELECT COUNT(*) FROM hidden_papers WHERE paper_id = ?", paperId) > 0;
  }

  /** Every hidden paper. */
  public Set<String> allHidden() {
    return new HashSet<>(jdbc.list("SELECT paper_id FROM hidden_papers", rs -> rs.getString(1)));
  }

  /** Which of {@code paperIds} are hidden. */
  public Set<String> hidden(Collection<String> paperIds) {
    Set<String> out = new HashSet<>();
    for (List<String> chunk : chunks(paperIds)) {
      out.addAll(
          jdbc.list(
              "SELECT paper_id FROM hidden_papers WHERE paper_id IN ("
                  + Jdbc.placeholders(chunk.size())
                  + ")",
              rs -> rs.getString(1),
              chunk.toArray()));
    }
    return out;
  }

  private static Comment comment(ResultSet rs) throws SQLException {
    return new Comment(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        Instant.ofEpochMilli(rs.getLong(6)),
        rs.getInt(7) != 0);
  }

  private static List<List<String>> chunks(Collection<String> all) {
    List<String> list = new ArrayList<>(all);
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i += IN_CHUNK) {
      out.add(list.subList(i, Math.min(list.size(), i + IN_CHUNK)));
    }
    return out;
  }
}
