package org.paperboy.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperboy.community.Comment;
import org.paperboy.feed.FeedEntry;
import org.paperboy.paper.Organization;
import org.paperboy.paper.Paper;

/**
 * JSON shapes of the API. Daily-papers entries use the field names of Hugging Face's {@code
 * api/daily_papers} so existing clients work; fields Hugging Face does not have are added, never
 * renamed.
 */
final class ApiJson {
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private ApiJson() {}

  /** One entry of {@code api/daily_papers}: {@code {paper: {...}, title, summary, ...}}. */
  static Map<String, Object> dailyEntry(FeedEntry e) {
    Paper p = e.paper();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("paper", paper(e));
    m.put("publishedAt", day(p.published()));
    m.put("title", p.title());
    m.put("summary", p.abstractText());
    m.put("numComments", e.comments());
    m.put("submittedOnDailyAt", day(p.dailyDate()));
    m.put("trendingScore", e.score());
    return m;
  }

  /** A paper as {@code api/papers/{id}} and the {@code paper} field of daily entries show it. */
  static Map<String, Object> paper(FeedEntry e) {
    Paper p = e.paper();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    List<Map<String, Object>> authors = new ArrayList<>();
    for (String a : p.authors()) {
      authors.add(Map.of("name", a));
    }
    m.put("authors", authors);
    m.put("authorCount", p.authorCount());
    m.put("publishedAt", day(p.published()));
    m.put("submittedOnDailyAt", day(p.dailyDate()));
    m.put("title", p.title());
    m.put("summary", p.abstractText());
    m.put("upvotes", e.upvotes());
    m.put("numComments", e.comments());
    m.put("categories", p.categories());
    if (p.aiSummary() != null) {
      m.put("ai_summary", p.aiSummary());
    }
    if (!p.aiKeywords().isEmpty()) {
      m.put("ai_keywords", p.aiKeywords());
    }
    if (p.codeUrl() != null) {
      m.put("githubRepo", p.codeUrl());
    }
    if (p.projectUrl() != null) {
      m.put("projectPage", p.projectUrl());
    }
    if (p.githubStars() != null) {
      m.put("githubStars", p.githubStars());
    }
    Organization org = p.organization();
    if (org != null) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("name", org.name());
      o.put("fullname", org.fullname());
      o.put("avatar", org.avatar());
      m.put("organization", o);
    }
    return m;
  }

  static Map<String, Object> comment(Comment c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("paperId", c.paperId());
    m.put("author", Map.of("name", c.username()));
    m.put("text", c.body());
    m.put("createdAt", INSTANT.format(c.createdAt()));
    return m;
  }

  private static String day(LocalDate d) {
    return d == null ? null : INSTANT.format(d.atStartOfDay(ZoneOffset.UTC).toInstant());
  }
}
