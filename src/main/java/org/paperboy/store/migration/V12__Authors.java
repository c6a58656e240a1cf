package org.paperboy.store.migration;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.paperboy.paper.AuthorKey;

/**
 * Authors as the library's rooms: {@code paper_authors} (each paper's authors by {@link AuthorKey},
 * filled here from the papers already stored and kept in step by every later write), the authors
 * readers follow, and the author names readers claim as their own. In Java because the existing
 * papers' author keys are computed by {@link AuthorKey}; the SQL is the same on both engines.
 */
public final class V12__Authors extends BaseJavaMigration {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    try (Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE paper_authors (paper_id TEXT NOT NULL, position INTEGER NOT NULL,"
              + " author_key TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (paper_id, position))");
      st.execute("CREATE INDEX paper_authors_key ON paper_authors (author_key)");
      st.execute(
          "CREATE TABLE author_follows (user_id TEXT NOT NULL REFERENCES users (id),"
              + " author_key TEXT NOT NULL, name TEXT NOT NULL, created_at BIGINT NOT NULL,"
              + " PRIMARY KEY (user_id, author_key))");
      st.execute(
          "CREATE TABLE author_claims (author_key TEXT PRIMARY KEY,"
              + " user_id TEXT NOT NULL REFERENCES users (id), name TEXT NOT NULL,"
              + " created_at BIGINT NOT NULL)");
    }
    try (PreparedStatement read = c.prepareStatement("SELECT id, authors FROM papers");
        PreparedStatement write =
            c.prepareStatement(
                "INSERT INTO paper_authors (paper_id, position, author_key, name)"
                    + " VALUES (?, ?, ?, ?)")) {
      read.setFetchSize(1_000);
      int pending = 0;
      try (ResultSet rs = read.executeQuery()) {
        while (rs.next()) {
          List<String> names = JSON.readValue(rs.getString(2), STRINGS);
          for (int i = 0; i < names.size(); i++) {
            String key = AuthorKey.of(names.get(i));
            if (key.isEmpty()) {
              continue;
            }
            write.setString(1, rs.getString(1));
            write.setInt(2, i);
            write.setString(3, key);
            write.setString(4, names.get(i));
            write.addBatch();
            if (++pending == 5_000) {
              write.executeBatch();
              pending = 0;
            }
          }
        }
      }
      if (pending > 0) {
        write.executeBatch();
      }
    }
  }
}
