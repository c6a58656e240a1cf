package org.paperboy.library;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.paperboy.account.Tokens;
import org.paperboy.store.Jdbc;
import org.paperboy.store.PaperStore;

/**
 * Reading lists (portable SQL): create, rename, make public or private, delete; add, remove,
 * reorder and annotate papers. Every change checks that the list is the reader's own; a private
 * list is as good as absent to everyone else.
 */
public final class ReadingLists {
  public static final int MAX_LISTS = 100;
  public static final int MAX_PAPERS = 1_000;
  public static final int MAX_NAME = 100;
  public static final int MAX_NOTE = 500;

  /** The list a paper is saved to from a card, created on first use. */
  public static final String DEFAULT_NAME = "Saved papers";

  private static final String COLUMNS =
      "l.id, l.user_id, l.name, l.public, (SELECT COUNT(*) FROM list_items i WHERE i.list_id ="
          + " l.id), l.created_at, l.updated_at";

  private final Jdbc jdbc;
  private final PaperStore papers;
  private final Clock clock;

  public ReadingLists(Jdbc jdbc, PaperStore papers, Clock clock) {
    this.jdbc = jdbc;
    this.papers = papers;
    this.clock = clock;
  }

  private static ReadingList row(java.sql.ResultSet rs) throws SQLException {
    return new ReadingList(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getInt(4) == 1,
        rs.getInt(5),
        Instant.ofEpochMilli(rs.getLong(6)),
        Instant.ofEpochMilli(rs.getLong(7)));
  }

  /** The reader's lists, oldest first. */
  public List<ReadingList> of(String userId) {
    return jdbc.list(
        "SELECT "
            + COLUMNS
            + " FROM reading_lists l WHERE l.user_id = ? ORDER BY l.created_at, l.id",
        ReadingLists::row,
        userId);
  }

  /** A list as {@code readerId} may see it: their own, or anyone's public one; else empty. */
  public Optional<ReadingList> visible(String listId, String readerId) {
    return jdbc.one(
            "SELECT " + COLUMNS + " FROM reading_lists l WHERE l.id = ?", ReadingLists::row, listId)
        .filter(l -> l.isPublic() || l.userId().equals(readerId));
  }

  /** The list, if it is the reader's own. */
  public ReadingList own(String listId, String userId) {
    return visible(listId, userId)
        .filter(l -> l.userId().equals(userId))
        .orElseThrow(() -> ListException.notFound("you have no list " + listId));
  }

  /** The papers of a list in order. */
  public List<ListItem> items(String listId) {
    return jdbc.list(
        "SELECT paper_id, position, note, added_at FROM list_items WHERE list_id = ?"
            + " ORDER BY position, paper_id",
        rs ->
            new ListItem(
                rs.getString(1),
                rs.getInt(2),
                rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4))),
        listId);
  }

  /** The reader's lists that hold {@code paperId}. */
  public List<ReadingList> holding(String userId, String paperId) {
    return jdbc.list(
        "SELECT "
            + COLUMNS
            + " FROM reading_lists l JOIN list_items i ON i.list_id = l.id"
            + " WHERE l.user_id = ? AND i.paper_id = ? ORDER BY l.created_at, l.id",
        ReadingLists::row,
        userId,
        paperId);
  }

  public ReadingList create(String userId, String name, boolean isPublic) {
    String clean = name(name);
    long now = clock.millis();
    String id = Tokens.id();
    jdbc.inTransaction(
        c -> {
          long have = count(c, "SELECT COUNT(*) FROM reading_lists WHERE user_id = ?", userId);
          if (have >= MAX_LISTS) {
            throw ListException.bad(
                "you have " + have + " lists already (at most " + MAX_LISTS + ")");
          }
          return Jdbc.update(
              c,
              "INSERT INTO reading_lists (id, user_id, name, public, created_at, updated_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?)",
              id,
              userId,
              clean,
              isPublic ? 1 : 0,
              now,
              now);
        });
    return own(id, userId);
  }

  public void rename(String listId, String userId, String name, boolean isPublic) {
    own(listId, userId);
    jdbc.update(
        "UPDATE reading_lists SET name = ?, public = ?, updated_at = ? WHERE id = ?",
        name(name),
        isPublic ? 1 : 0,
        clock.millis(),
        listId);
  }

  public void delete(String listId, String userId) {
    own(listId, userId);
    jdbc.inTransaction(
        c -> {
          Jdbc.update(c, "DELETE FROM list_items WHERE list_id = ?", listId);
          return Jdbc.update(c, "DELETE FROM reading_lists WHERE id = ?", listId);
        });
  }

  /** Adds a paper at the end (or updates its note); false when it was there already. */
  public boolean add(String listId, String userId, String paperId, String note) {
    own(listId, userId);
    if (papers.find(paperId).filter(p -> !p.deleted()).isEmpty()) {
      throw ListException.notFound("there is no paper " + paperId);
    }
    String n = note(note);
    long now = clock.millis();
    return jdbc.inTransaction(
        c -> {
          long have = count(c, "SELECT COUNT(*) FROM list_items WHERE list_id = ?", listId);
          if (count(
                  c,
                  "SELECT COUNT(*) FROM list_items WHERE list_id = ? AND paper_id = ?",
                  listId,
                  paperId)
              > 0) {
            if (n != null) {
              Jdbc.update(
                  c,
                  "UPDATE list_items SET note = ? WHERE list_id = ? AND paper_id = ?",
                  n,
                  listId,
                  paperId);
            }
            return false;
          }
          if (have >= MAX_PAPERS) {
            throw ListException.bad(
                "the list holds " + have + " papers (at most " + MAX_PAPERS + ")");
          }
          long next =
              count(
                      c,
                      "SELECT COALESCE(MAX(position), 0) FROM list_items WHERE list_id = ?",
                      listId)
                  + 1;
          Jdbc.update(
              c,
              "INSERT INTO list_items (list_id, paper_id, position, note, added_at) VALUES (?, ?, ?, ?, ?)",
              listId,
              paperId,
              next,
              n,
              now);
          Jdbc.update(c, "UPDATE reading_lists SET updated_at = ? WHERE id = ?", now, listId);
          return true;
        });
  }

  /**
   * Saves a paper to the reader's first list, creating {@link #DEFAULT_NAME} when they have none.
   */
  public ReadingList save(String userId, String paperId) {
    List<ReadingList> lists = of(userId);
    ReadingList target = lists.isEmpty() ? create(userId, DEFAULT_NAME, false) : lists.get(0);
    add(target.id(), userId, paperId, null);
    return target;
  }

  public boolean remove(String listId, String userId, String paperId) {
    own(listId, userId);
    return jdbc.update("DELETE FROM list_items WHERE list_id = ? AND paper_id = ?", listId, paperId)
        > 0;
  }

  public void note(String listId, String userId, String paperId, String note) {
    own(listId, userId);
    if (jdbc.update(
            "UPDATE list_items SET note = ? WHERE list_id = ? AND paper_id = ?",
            note(note),
            listId,
            paperId)
        == 0) {
      throw ListException.notFound("paper " + paperId + " is not on this list");
    }
  }

  /** Moves a paper one place up ({@code by} = -1) or down (+1); nothing at either end. */
  public void move(String listId, String userId, String paperId, int by) {
    own(listId, userId);
    List<ListItem> items = items(listId);
    int at = -1;
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).paperId().equals(paperId)) {
        at = i;
      }
    }
    if (at < 0) {
      throw ListException.notFound("paper " + paperId + " is not on this list");
    }
    int to = at + Integer.signum(by);
    if (to < 0 || to >= items.size()) {
      return;
    }
    ListItem a = items.get(at);
    ListItem b = items.get(to);
    jdbc.inTransaction(
        c -> {
          // Positions are renumbered 1..n so that equal positions can never make a swap a no-op.
          for (int i = 0; i < items.size(); i++) {
            String id = items.get(i).paperId();
            int pos =
                id.equals(a.paperId())
                    ? to + 1
                    : id.equals(b.paperId()) ? items.indexOf(a) + 1 : i + 1;
            Jdbc.update(
                c,
                "UPDATE list_items SET position = ? WHERE list_id = ? AND paper_id = ?",
                pos,
                listId,
                id);
          }
          return null;
        });
  }

  private static long count(Connection c, String sql, Object... params) throws SQLException {
    return Jdbc.list(c, sql, rs -> rs.getLong(1), params).get(0);
  }

  private static String name(String name) {
    String n = name == null ? "" : name.strip().replaceAll("\\s+", " ");
    if (n.isEmpty()) {
      throw ListException.bad("name: give the list a name");
    }
    if (n.length() > MAX_NAME) {
      throw ListException.bad("name: at most " + MAX_NAME + " characters");
    }
    return n;
  }

  private static String note(String note) {
    if (note == null || note.isBlank()) {
      return null;
    }
    String n = note.strip();
    if (n.length() > MAX_NOTE) {
      throw ListException.bad("note: at most " + MAX_NOTE + " characters");
    }
    return n;
  }
}
