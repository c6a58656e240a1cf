package org.paperboy.community;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.paperboy.account.User;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Paper;
import org.paperboy.store.BatchWriter;
import org.paperboy.store.PaperStore;

/**
 * Papers readers submit by arXiv id or URL: they land on today's daily list. Metadata comes from
 * the store, else from the arXiv API.
 */
public final class Submissions {
  private final PaperStore papers;
  private final CommunityStore community;
  private final ArxivLookup arxiv;
  private final Clock clock;

  public Submissions(PaperStore papers, CommunityStore community, ArxivLookup arxiv, Clock clock) {
    this.papers = papers;
    this.community = community;
    this.arxiv = arxiv;
    this.clock = clock;
  }

  /** What a submission did: the paper, the day it is listed on. */
  public record Submitted(Paper paper, LocalDate day) {}

  public Submitted submit(User user, String idOrUrl) {
    String text = idOrUrl == null ? "" : idOrUrl.strip();
    if (text.isEmpty()) {
      throw new SubmissionException("paper: give an arXiv id (2401.01234) or an arXiv URL");
    }
    ArxivId id =
        ArxivId.parse(text)
            .orElseThrow(
                () ->
                    new SubmissionException(
                        "paper: '"
                            + (text.length() > 60 ? text.substring(0, 60) + "…" : text)
                            + "' is not an arXiv id or arXiv URL"));
    Optional<Paper> known = papers.find(id.id()).filter(p -> p.deletedOn() == null);
    if (known.isPresent() && known.get().dailyDate() != null) {
      throw new SubmissionException(
          "arXiv:" + id.id() + " is already on the daily list of " + known.get().dailyDate());
    }
    if (known.isEmpty()) {
      Paper fetched;
      try {
        fetched =
            arxiv
                .fetch(id)
                .orElseThrow(
                    () -> new SubmissionException("arXiv has no paper with id " + id.id()));
      } catch (ArxivLookup.Unavailable e) {
        throw new SubmissionException(
            "arXiv:"
                + id.id()
                + " is not in this library and "
                + e.getMessage()
                + "; try again later");
      }
      new BatchWriter(papers).write(List.of(fetched));
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    if (!community.submit(id.id(), user.id(), today, clock.instant())
        || !papers.putOnDay(id.id(), today)) {
      throw new SubmissionException("arXiv:" + id.id() + " was already submitted");
    }
    return new Submitted(papers.find(id.id()).orElseThrow(), today);
  }
}
