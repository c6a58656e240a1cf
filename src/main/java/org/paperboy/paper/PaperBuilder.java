package org.paperboy.paper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Mutable helper for parsers; {@link #build()} normalises white space and fills defaults. */
public final class PaperBuilder {
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
  private Integer githubStars;
  private Organization organization;
  private Set<Source> sources = EnumSet.noneOf(Source.class);
  private String authority;
  private LocalDate deletedOn;

  PaperBuilder(String id) {
    this.id = id;
  }

  /** A builder holding every field of {@code p}. */
  static PaperBuilder from(Paper p) {
    PaperBuilder b = new PaperBuilder(p.id());
    b.title = p.title();
    b.abstractText = p.abstractText();
    b.authors = new ArrayList<>(p.authors());
    b.authorCount = p.authorCount();
    b.categories = new ArrayList<>(p.categories());
    b.versions = new ArrayList<>(p.versions());
    b.published = p.published();
    b.updated = p.updated();
    b.doi = p.doi();
    b.journalRef = p.journalRef();
    b.comments = p.comments();
    b.codeUrl = p.codeUrl();
    b.projectUrl = p.projectUrl();
    b.upvotes = p.upvotes();
    b.numComments = p.numComments();
    b.dailyDate = p.dailyDate();
    b.aiSummary = p.aiSummary();
    b.aiKeywords = new ArrayList<>(p.aiKeywords());
    b.githubStars = p.githubStars();
    b.organization = p.organization();
    b.sources = p.sources().isEmpty() ? EnumSet.noneOf(Source.class) : EnumSet.copyOf(p.sources());
    b.authority = p.authority();
    b.deletedOn = p.deletedOn();
    return b;
  }

  public PaperBuilder id(String v) {
    id = v;
    return this;
  }

  public PaperBuilder title(String v) {
    title = v;
    return this;
  }

  public PaperBuilder abstractText(String v) {
    abstractText = v;
    return this;
  }

  public PaperBuilder authors(List<String> v) {
    authors = new ArrayList<>(v);
    return this;
  }

  public PaperBuilder authorCount(int v) {
    authorCount = v;
    return this;
  }

  public PaperBuilder categories(List<String> v) {
    categories = new ArrayList<>(v);
    return this;
  }

  public PaperBuilder versions(List<PaperVersion> v) {
    versions = new ArrayList<>(v);
    return this;
  }

  public PaperBuilder published(LocalDate v) {
    published = v;
    return this;
  }

  public PaperBuilder updated(LocalDate v) {
    updated = v;
    return this;
  }

  public PaperBuilder doi(String v) {
    doi = v;
    return this;
  }

  public PaperBuilder journalRef(String v) {
    journalRef = v;
    return this;
  }

  public PaperBuilder comments(String v) {
    comments = v;
    return this;
  }

  public PaperBuilder codeUrl(String v) {
    codeUrl = v;
    return this;
  }

  public PaperBuilder projectUrl(String v) {
    projectUrl = v;
    return this;
  }

  public PaperBuilder upvotes(Integer v) {
    upvotes = v;
    return this;
  }

  public PaperBuilder numComments(Integer v) {
    numComments = v;
    return this;
  }

  public PaperBuilder dailyDate(LocalDate v) {
    dailyDate = v;
    return this;
  }

  public PaperBuilder aiSummary(String v) {
    aiSummary = v;
    return this;
  }

  public PaperBuilder aiKeywords(List<String> v) {
    aiKeywords = new ArrayList<>(v);
    return this;
  }

  public PaperBuilder githubStars(Integer v) {
    githubStars = v;
    return this;
  }

  public PaperBuilder organization(Organization v) {
    organization = v;
    return this;
  }

  public PaperBuilder source(Source v) {
    sources = EnumSet.of(v);
    return this;
  }

  public PaperBuilder sources(Set<Source> v) {
    sources = v.isEmpty() ? EnumSet.noneOf(Source.class) : EnumSet.copyOf(v);
    return this;
  }

  public PaperBuilder authority(String v) {
    authority = v;
    return this;
  }

  public PaperBuilder deletedOn(LocalDate v) {
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
          sources.stream().max(java.util.Comparator.comparingInt(Source::rank)).orElse(Source.PAGE);
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
        githubStars == null || githubStars < 0 ? null : githubStars,
        organization,
        sources,
        auth,
        deletedOn);
  }
}
