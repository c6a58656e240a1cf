package org.paperboy.library;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paperboy.foryou.InterestStore;
import org.paperboy.paper.Paper;
import org.paperboy.store.PaperStore;

/**
 * Imports a reader's reference library (a {@code .bib} or {@code .ris} export, e.g. from Zotero):
 * the arXiv papers it holds that this library has become the reader's seed interests for "for you",
 * a cold start without a single upvote. A file with any unreadable record imports nothing and says,
 * one line per record, what is wrong.
 */
public final class LibraryImport {
  /** The most records one file may hold. */
  public static final int MAX_RECORDS = 20_000;

  private final PaperStore papers;
  private final InterestStore interests;
  private final Clock clock;

  public LibraryImport(PaperStore papers, InterestStore interests, Clock clock) {
    this.papers = papers;
    this.interests = interests;
    this.clock = clock;
  }

  /**
   * What an import did.
   *
   * @param records records in the file
   * @param matched arXiv papers of the file that this library holds (now seeds)
   * @param added of those, how many were not seeds already
   * @param missing arXiv ids of the file that this library does not hold
   * @param notArxiv records that name no arXiv paper
   */
  public record Report(
      String format,
      int records,
      List<String> matched,
      int added,
      List<String> missing,
      int notArxiv) {}

  /** Thrown when the file cannot be imported; {@link #problems()} has one line per bad record. */
  public static final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    Rejected(List<String> problems) {
      super(
          problems.size() == 1
              ? problems.get(0)
              : problems.size() + " records could not be read; nothing was imported");
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  public Report run(String userId, String text) {
    LibraryFile.Parsed parsed = LibraryFile.parse(text == null ? "" : text);
    if (!parsed.errors().isEmpty()) {
      throw new Rejected(parsed.errors());
    }
    if (parsed.entries().isEmpty()) {
      throw new Rejected(List.of("the file holds no records: nothing imported"));
    }
    if (parsed.entries().size() > MAX_RECORDS) {
      throw new Rejected(
          List.of(
              "the file holds "
                  + parsed.entries().size()
                  + " records; at most "
                  + MAX_RECORDS
                  + " can be imported at once"));
    }
    Set<String> ids = new LinkedHashSet<>();
    int notArxiv = 0;
    for (LibraryFile.Entry e : parsed.entries()) {
      if (e.arxivId().isPresent()) {
        ids.add(e.arxivId().get());
      } else {
        notArxiv++;
      }
    }
    Map<String, Paper> found = papers.findAll(ids);
    List<String> matched = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String id : ids) {
      Paper p = found.get(id);
      if (p != null && !p.deleted()) {
        matched.add(id);
      } else {
        missing.add(id);
      }
    }
    int added = interests.addSeeds(userId, matched, clock.instant());
    return new Report(parsed.format(), parsed.entries().size(), matched, added, missing, notArxiv);
  }
}
