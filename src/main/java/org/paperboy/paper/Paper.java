package org.paperboy.paper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A paper as the store keeps it, and also what every importer produces for one source record: a
 * parsed record is a paper with one source, and {@link PaperMerger} folds records into papers.
 *
 * <p>Optional scalar values are null when no source has told us; lists are never null.
 *
 * @param id normalised arXiv id (see {@link ArxivId}), or a provisional key for papers known only
 *     by title (see {@link #provisionalId(String)})
 * @param authors ordered author names; may be empty when only {@code authorCount} is known
 * @param authorCount number of authors; at least {@code authors.size()}
 * @param categories arXiv categories, primary first
 * @param published day of the first version
 * @param updated day of the newest version seen
 * @param upvotes upvotes as last seen on Hugging Face (or on a captured page)
 * @param numComments comment count as last seen on Hugging Face
 * @param dailyDate the Daily Papers day the paper appeared on
 * @param githubStars stars of the paper's GitHub repository as last seen on Hugging Face
 * @param organization the organisation Hugging Face lists the paper under, or null
 * @param authority which record set title, authors and categories: {@code YYYY-MM-DD/rank}, the
 *     newest version date the record described and its source's rank; the larger wins
 * @param deletedOn set when arXiv withdrew the record (an OAI-PMH deletion); deleted papers are
 *     kept as tombstones so that an older copy cannot bring them back
 */
public record Paper(
    String id,
    String title,
    String abstractText,
    List<String> authors,
    int authorCount,
    List<String> categories,
    List<PaperVersion> versions,
    LocalDate published,
    LocalDate updated,
    String doi,
    String journalRef,
    String comments,
    String codeUrl,
    String projectUrl,
    Integer upvotes,
    Integer numComments,
    LocalDate dailyDate,
    String aiSummary,
    List<String> aiKeywords,
    Integer githubStars,
    Organization organization,
    Set<Source> sources,
    String authority,
    LocalDate deletedOn) {

  public static final String PROVISIONAL_PREFIX = "title-";

  public Paper {
    authors = List.copyOf(authors);
    categories = List.copyOf(categories);
    versions = List.copyOf(versions);
    aiKeywords = List.copyOf(aiKeywords);
    sources =
        Collections.unmodifiableSet(
            sources.isEmpty() ? EnumSet.noneOf(Source.class) : EnumSet.copyOf(sources));
    authorCount = Math.max(authorCount, authors.size());
  }

  /** The key of a paper known only by its title: stable for the same normalised title. */
  public static String provisionalId(String titleKey) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(titleKey.getBytes(StandardCharsets.UTF_8));
      return PROVISIONAL_PREFIX + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  public boolean provisional() {
    return id.startsWith(PROVISIONAL_PREFIX);
  }

  public boolean deleted() {
    return deletedOn != null;
  }

  public String titleKey() {
    return CleanText.titleKey(title);
  }

  public int version() {
    return versions.isEmpty() ? 0 : versions.get(versions.size() - 1).number();
  }

  public Optional<String> primaryCategory() {
    return categories.isEmpty() ? Optional.empty() : Optional.of(categories.get(0));
  }

  public Optional<String> absUrl() {
    return provisional() ? Optional.empty() : Optional.of("https://arxiv.org/abs/" + id);
  }

  public Optional<String> pdfUrl() {
    return provisional() ? Optional.empty() : Optional.of("https://arxiv.org/pdf/" + id);
  }

  /**
   * The authority string for a record describing the version of {@code date} from {@code source}.
   */
  public static String authority(LocalDate date, Source source) {
    return (date == null ? "0000-00-00" : date.toString()) + "/" + source.rank();
  }

  public PaperBuilder toBuilder() {
    return PaperBuilder.from(this);
  }

  public static PaperBuilder builder(String id) {
    return new PaperBuilder(id);
  }
}
