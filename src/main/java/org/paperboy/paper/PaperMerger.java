package org.paperboy.paper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Folds two records of the same paper into one. The rules are deterministic and documented in
 * README.md ("How papers are merged"); re-merging a record that is already folded in changes
 * nothing, which is what makes re-imports idempotent.
 *
 * <ul>
 *   <li>Id: an arXiv id replaces a provisional (title-only) key.
 *   <li>Title, authors, categories, DOI, journal ref, comments: from the more authoritative record
 *       (newest version date, then source rank: API &gt; OAI-PMH &gt; Kaggle &gt; Hugging Face &gt;
 *       submitted &gt; page), falling back to the other when empty.
 *   <li>Abstract: the longest; ties go to the authoritative record.
 *   <li>Published: earliest; updated: latest; versions: union; Daily Papers day: earliest.
 *   <li>Upvotes and comment counts: highest seen. Code and project links, AI summary and keywords,
 *       GitHub stars and organisation: from the record with more upvotes (a newer Hugging Face
 *       snapshot), else whichever has them.
 *   <li>Sources: union. A deletion sticks until a record of a newer version arrives.
 * </ul>
 */
public final class PaperMerger {
  private PaperMerger() {}

  public static Paper merge(Paper existing, Paper incoming) {
    boolean incomingWins = incoming.authority().compareTo(existing.authority()) > 0;
    Paper w = incomingWins ? incoming : existing;
    Paper l = incomingWins ? existing : incoming;
    boolean incomingNewerSnapshot = compareNullable(incoming.upvotes(), existing.upvotes()) > 0;
    Paper hfFirst = incomingNewerSnapshot ? incoming : existing;
    Paper hfSecond = incomingNewerSnapshot ? existing : incoming;

    String id = existing.provisional() && !incoming.provisional() ? incoming.id() : existing.id();
    List<String> authors = w.authors().isEmpty() ? l.authors() : w.authors();
    int authorCount =
        authors.isEmpty() ? Math.max(w.authorCount(), l.authorCount()) : authors.size();
    Set<Source> sources = EnumSet.noneOf(Source.class);
    sources.addAll(existing.sources());
    sources.addAll(incoming.sources());
    LocalDate updated = max(existing.updated(), incoming.updated());

    return new Paper(
        id,
        w.title().isEmpty() ? l.title() : w.title(),
        l.abstractText().length() > w.abstractText().length() ? l.abstractText() : w.abstractText(),
        authors,
        authorCount,
        w.categories().isEmpty() ? l.categories() : w.categories(),
        unionVersions(existing.versions(), incoming.versions()),
        min(existing.published(), incoming.published()),
        updated,
        first(w.doi(), l.doi()),
        first(w.journalRef(), l.journalRef()),
        first(w.comments(), l.comments()),
        first(hfFirst.codeUrl(), hfSecond.codeUrl()),
        first(hfFirst.projectUrl(), hfSecond.projectUrl()),
        maxInt(existing.upvotes(), incoming.upvotes()),
        maxInt(existing.numComments(), incoming.numComments()),
        min(existing.dailyDate(), incoming.dailyDate()),
        first(hfFirst.aiSummary(), hfSecond.aiSummary()),
        hfFirst.aiKeywords().isEmpty() ? hfSecond.aiKeywords() : hfFirst.aiKeywords(),
        first(hfFirst.githubStars(), hfSecond.githubStars()),
        first(hfFirst.organization(), hfSecond.organization()),
        sources,
        w.authority(),
        deletion(existing, incoming));
  }

  private static LocalDate deletion(Paper a, Paper b) {
    LocalDate deleted = max(a.deletedOn(), b.deletedOn());
    if (deleted == null) {
      return null;
    }
    LocalDate newestLive = null;
    for (Paper p : List.of(a, b)) {
      if (p.deletedOn() == null) {
        newestLive = max(newestLive, max(p.updated(), p.published()));
      }
    }
    return newestLive != null && newestLive.isAfter(deleted) ? null : deleted;
  }

  private static List<PaperVersion> unionVersions(List<PaperVersion> a, List<PaperVersion> b) {
    Map<Integer, LocalDate> byNumber = new TreeMap<>();
    for (List<PaperVersion> list : List.of(a, b)) {
      for (PaperVersion v : list) {
        byNumber.merge(v.number(), v.date() == null ? LocalDate.MAX : v.date(), PaperMerger::min);
      }
    }
    List<PaperVersion> out = new ArrayList<>(byNumber.size());
    byNumber.forEach((n, d) -> out.add(new PaperVersion(n, d.equals(LocalDate.MAX) ? null : d)));
    return out;
  }

  private static <T> T first(T a, T b) {
    return a != null ? a : b;
  }

  private static Integer maxInt(Integer a, Integer b) {
    return compareNullable(a, b) >= 0 ? a : b;
  }

  private static int compareNullable(Integer a, Integer b) {
    if (Objects.equals(a, b)) {
      return 0;
    }
    if (a == null) {
      return -1;
    }
    if (b == null) {
      return 1;
    }
    return Integer.compare(a, b);
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.isBefore(b) ? a : b;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.isAfter(b) ? a : b;
  }
}
