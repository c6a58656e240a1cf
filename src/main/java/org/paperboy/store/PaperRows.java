package org.paperboy.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.paperboy.paper.Organization;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;
import org.paperboy.paper.Source;

/** Maps {@link Paper} to and from a row of the {@code papers} table, losslessly. */
final class PaperRows {
  static final String COLUMNS =
      "id, provisional, title_hash, title, abstract, authors, author_count, categories,"
          + " primary_category, versions, published, updated, doi, journal_ref, comments, code_url,"
          + " project_url, upvotes, num_comments, daily_date, ai_summary, ai_keywords, sources,"
          + " authority, deleted_on, github_stars, org_name, org_fullname, org_avatar";
  static final int COLUMN_COUNT = 29;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private PaperRows() {}

  static String upsertSql() {
    StringBuilder sql =
        new StringBuilder("INSERT INTO papers (").append(COLUMNS).append(") VALUES (");
    sql.append("?, ".repeat(COLUMN_COUNT - 1)).append("?) ON CONFLICT (id) DO UPDATE SET ");
    String[] cols = COLUMNS.split(",\\s*");
    for (int i = 1; i < cols.length; i++) {
      sql.append(i > 1 ? ", " : "").append(cols[i]).append(" = excluded.").append(cols[i]);
    }
    return sql.toString();
  }

  static void bind(PreparedStatement ps, Paper p) throws SQLException {
    int i = 1;
    ps.setString(i++, p.id());
    ps.setInt(i++, p.provisional() ? 1 : 0);
    ps.setLong(i++, titleHash(p.titleKey()));
    ps.setString(i++, p.title());
    ps.setString(i++, p.abstractText());
    ps.setString(i++, json(p.authors()));
    ps.setInt(i++, p.authorCount());
    ps.setString(i++, String.join(" ", p.categories()));
    ps.setString(i++, p.primaryCategory().orElse(null));
    ps.setString(i++, versions(p.versions()));
    ps.setString(i++, date(p.published()));
    ps.setString(i++, date(p.updated()));
    ps.setString(i++, p.doi());
    ps.setString(i++, p.journalRef());
    ps.setString(i++, p.comments());
    ps.setString(i++, p.codeUrl());
    ps.setString(i++, p.projectUrl());
    setInt(ps, i++, p.upvotes());
    setInt(ps, i++, p.numComments());
    ps.setString(i++, date(p.dailyDate()));
    ps.setString(i++, p.aiSummary());
    ps.setString(i++, json(p.aiKeywords()));
    ps.setString(i++, sources(p.sources()));
    ps.setString(i++, p.authority());
    ps.setString(i++, date(p.deletedOn()));
    setInt(ps, i++, p.githubStars());
    Organization org = p.organization();
    ps.setString(i++, org == null ? null : org.name());
    ps.setString(i++, org == null ? null : org.fullname());
    ps.setString(i, org == null ? null : org.avatar());
  }

  static Paper read(ResultSet rs) throws SQLException {
    return new Paper(
        rs.getString("id"),
        rs.getString("title"),
        rs.getString("abstract"),
        strings(rs.getString("authors")),
        rs.getInt("author_count"),
        splitSpaces(rs.getString("categories")),
        versions(rs.getString("versions")),
        date(rs.getString("published")),
        date(rs.getString("updated")),
        rs.getString("doi"),
        rs.getString("journal_ref"),
        rs.getString("comments"),
        rs.getString("code_url"),
        rs.getString("project_url"),
        integer(rs, "upvotes"),
        integer(rs, "num_comments"),
        date(rs.getString("daily_date")),
        rs.getString("ai_summary"),
        strings(rs.getString("ai_keywords")),
        integer(rs, "github_stars"),
        organization(rs),
        sources(rs.getString("sources")),
        rs.getString("authority"),
        date(rs.getString("deleted_on")));
  }

  private static Organization organization(ResultSet rs) throws SQLException {
    String name = rs.getString("org_name");
    return name == null
        ? null
        : new Organization(name, rs.getString("org_fullname"), rs.getString("org_avatar"));
  }

  /** A 64-bit FNV-1a hash of a title key; equal keys give equal hashes. */
  static long titleHash(String key) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setInt(i, v);
    }
  }

  private static Integer integer(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  private static String date(LocalDate d) {
    return d == null ? null : d.toString();
  }

  private static LocalDate date(String s) {
    return s == null ? null : LocalDate.parse(s);
  }

  private static String json(List<String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings always serialises", e);
    }
  }

  private static List<String> strings(String json) {
    try {
      return JSON.readValue(json, STRINGS);
    } catch (JsonProcessingException e) {
      throw new StoreException("corrupt JSON list in store: " + json, e);
    }
  }

  private static List<String> splitSpaces(String s) {
    return s.isEmpty() ? List.of() : Arrays.asList(s.split(" "));
  }

  private static String versions(List<PaperVersion> versions) {
    StringBuilder out = new StringBuilder();
    for (PaperVersion v : versions) {
      out.append(out.isEmpty() ? "" : " ").append(v.number()).append(':');
      out.append(v.date() == null ? "" : v.date().toString());
    }
    return out.toString();
  }

  private static List<PaperVersion> versions(String s) {
    List<PaperVersion> out = new ArrayList<>();
    for (String part : splitSpaces(s)) {
      int colon = part.indexOf(':');
      String day = part.substring(colon + 1);
      out.add(
          new PaperVersion(
              Integer.parseInt(part.substring(0, colon)),
              day.isEmpty() ? null : LocalDate.parse(day)));
    }
    return out;
  }

  private static String sources(Set<Source> sources) {
    StringBuilder out = new StringBuilder(",");
    for (Source s : sources) {
      out.append(s.key()).append(',');
    }
    return out.toString();
  }

  private static Set<Source> sources(String s) {
    Set<Source> out = EnumSet.noneOf(Source.class);
    for (String key : s.split(",")) {
      if (!key.isEmpty()) {
        out.add(
            Source.fromKey(key)
                .orElseThrow(() -> new StoreException("unknown source in store: " + key, null)));
      }
    }
    return out;
  }
}
