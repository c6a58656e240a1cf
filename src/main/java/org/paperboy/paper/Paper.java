package org.paperboy.paper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
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

  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.title = title;
    b.abstractText = abstractText;
    b.authors = new ArrayList<>(authors);
    b.authorCount = authorCount;
    b.categories = new ArrayList<>(categories);
    b.versions = new ArrayList<>(versions);
    b.published = published;
    b.updated = updated;
    b.doi = doi;
    b.journalRef = journalRef;
    b.comments = comments;
    b.codeUrl = codeUrl;
    b.projectUrl = projectUrl;
    b.upvotes = upvotes;
    b.numComments = numComments;
    b.dailyDate = dailyDate;
    b.aiSummary = aiSummary;
    b.aiKeywords = new ArrayList<>(aiKeywords);
    b.sources = sources.isEmpty() ? EnumSet.noneOf(Source.class) : EnumSet.copyOf(sources);
    b.authority = authority;
    b.deletedOn = deletedOn;
    return b;
  }

  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Mutable helper for parsers; {@link #build()} normalises white space and fills defaults. */
  public static final class Builder {
    private String id;
    private String title;
    private String abstractText;
    private List<String> authors = new ArrayList<>();
    private int authorCount;
    private List<String> categories = new ArrayList<>();
    private List<PaperVersion> versions = new ArrayList<>();
    private LocalDate published;
    private LocalDate updated;
    private String doi;
    private String journalRef;
    private String comments;
    private String codeUrl;
    private String projectUrl;
    private Integer upvotes;
    private Integer numComments;
    private LocalDate dailyDate;
    private String aiSummary;
    private List<String> aiKeywords = new ArrayList<>();
    private Set<Source> sources = EnumSet.noneOf(Source.class);
    private String authority;
    private LocalDate deletedOn;

    private Builder(String id) {
      this.id = id;
    }

    public Builder id(String v) {
      id = v;
      return this;
    }

    public Builder title(String v) {
      title = v;
      return this;
    }

    public Builder abstractText(String v) {
      abstractText = v;
      return this;
    }

    public Builder authors(List<String> v) {
      authors = new ArrayList<>(v);
      return this;
    }

    public Builder authorCount(int v) {
      authorCount = v;
      return this;
    }

    public Builder categories(List<String> v) {
      categories = new ArrayList<>(v);
      return this;
    }

    public Builder versions(List<PaperVersion> v) {
      versions = new ArrayList<>(v);
      return this;
    }

    public Builder published(LocalDate v) {
      published = v;
      return this;
    }

    public Builder updated(LocalDate v) {
      updated = v;
      return this;
    }

    public Builder doi(String v) {
      doi = v;
      return this;
    }

    public Builder journalRef(String v) {
      journalRef = v;
      return this;
    }

    public Builder comments(String v) {
      comments = v;
      return this;
    }

    public Builder codeUrl(String v) {
      codeUrl = v;
      return this;
    }

    public Builder projectUrl(String v) {
      projectUrl = v;
      return this;
    }

    public Builder upvotes(Integer v) {
      upvotes = v;
      return this;
    }

    public Builder numComments(Integer v) {
      numComments = v;
      return this;
    }

    public Builder dailyDate(LocalDate v) {
      dailyDate = v;
      return this;
    }

    public Builder aiSummary(String v) {
      aiSummary = v;
      return this;
    }

    public Builder aiKeywords(List<String> v) {
      aiKeywords = new ArrayList<>(v);
      return this;
    }

    public Builder source(Source v) {
      sources = EnumSet.of(v);
      return this;
    }

    public Builder sources(Set<Source> v) {
      sources = v.isEmpty() ? EnumSet.noneOf(Source.class) : EnumSet.copyOf(v);
      return this;
    }

    public Builder authority(String v) {
      authority = v;
      return this;
    }

    public Builder deletedOn(LocalDate v) {
      deletedOn = v;
      return this;
    }

    public String id() {
      return id;
    }

    public String title() {
      return title;
    }

    /**
     * Builds the paper. White space is collapsed everywhere; versions are sorted; when no authority
     * was set, it is derived from the newest version date and the (single) source.
     */
    public Paper build() {
      List<String> cleanAuthors = new ArrayList<>(authors.size());
      for (String a : authors) {
        String c = CleanText.blankToNull(a);
        if (c != null) {
          cleanAuthors.add(c);
        }
      }
      List<String> cleanCategories = new ArrayList<>(categories.size());
      for (String c : categories) {
        String v = CleanText.blankToNull(c);
        if (v != null && !cleanCategories.contains(v)) {
          cleanCategories.add(v);
        }
      }
      List<PaperVersion> sorted = new ArrayList<>(versions);
      Collections.sort(sorted);
      String auth = authority;
      if (auth == null) {
        Source top =
            sources.stream()
                .max(java.util.Comparator.comparingInt(Source::rank))
                .orElse(Source.PAGE);
        LocalDate newest = updated != null ? updated : published;
        auth = Paper.authority(newest, top);
      }
      List<String> keywords = new ArrayList<>();
      for (String k : aiKeywords) {
        String c = CleanText.blankToNull(k);
        if (c != null) {
          keywords.add(c);
        }
      }
      return new Paper(
          id,
          CleanText.collapse(title == null ? "" : title),
          CleanText.collapse(abstractText == null ? "" : abstractText),
          cleanAuthors,
          authorCount,
          cleanCategories,
          sorted,
          published,
          updated,
          CleanText.blankToNull(doi),
          CleanText.blankToNull(journalRef),
          CleanText.blankToNull(comments),
          CleanText.blankToNull(codeUrl),
          CleanText.blankToNull(projectUrl),
          upvotes,
          numComments,
          dailyDate,
          CleanText.blankToNull(aiSummary),
          keywords,
          sources,
          auth,
          deletedOn);
    }
  }
}
