package org.paperboy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.paperboy.app.Workspace;
import org.paperboy.embed.Embedder;
import org.paperboy.search.SearchHit;
import org.paperboy.search.SearchMode;
import org.paperboy.search.SearchRequest;
import org.paperboy.search.SearchResults;
import org.paperboy.search.SearchSort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description = {
      "Search titles and abstracts. Syntax: plain words, \"quoted phrases\", author:name,"
          + " author:\"first last\", cat:cs.LG, year:2024, year:2020-2024, from:2024-03-01,"
          + " to:2024-06-30."
    })
final class SearchCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(paramLabel = "QUERY", description = "The query.")
  String query;

  @Option(names = "--mode", defaultValue = "hybrid", description = "keyword, semantic or hybrid.")
  String mode;

  @Option(names = "--sort", defaultValue = "relevance", description = "relevance, date or upvotes.")
  String sort;

  @Option(names = "--limit", defaultValue = "10", description = "Results (1 to 10000).")
  int limit;

  @Option(names = "--offset", defaultValue = "0", description = "Results to skip.")
  int offset;

  @Option(names = "--json", description = "Print a JSON array of {id, score, title}.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    Optional<SearchMode> m = SearchMode.fromKey(mode);
    Optional<SearchSort> s = SearchSort.fromKey(sort);
    if (m.isEmpty() || s.isEmpty()) {
      main.err.println(
          "paperboy: error: "
              + (m.isEmpty()
                  ? "--mode: unknown mode '" + mode + "' (keyword, semantic, hybrid)"
                  : "--sort: unknown order '" + sort + "' (relevance, date, upvotes)"));
      return ExitCodes.USAGE;
    }
    SearchRequest request;
    try {
      request = new SearchRequest(query, m.get(), s.get(), offset, limit);
    } catch (IllegalArgumentException e) {
      main.err.println("paperboy: error: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    var config = main.config(Map.of());
    SearchResults results;
    try (Workspace w = Workspace.open(config, main.err);
        Embedder embedder =
            m.get() == SearchMode.KEYWORD ? null : new Embedder(config.embeddingModel())) {
      results = w.searcher(Optional.ofNullable(embedder)).search(request);
    }
    for (String notice : results.notices()) {
      main.err.println("paperboy: note: " + notice);
    }
    print(main, results.hits(), json);
    return ExitCodes.OK;
  }

  static void print(Main main, List<SearchHit> hits, boolean json) throws IOException {
    if (json) {
      ObjectMapper mapper = new ObjectMapper();
      ArrayNode array = mapper.createArrayNode();
      for (SearchHit h : hits) {
        array.addObject().put("id", h.id()).put("score", h.score()).put("title", h.title());
      }
      main.out.println(mapper.writeValueAsString(array));
      return;
    }
    int rank = 1;
    for (SearchHit h : hits) {
      main.out.printf("%3d. %-16s %.4f  %s%n", rank++, h.id(), h.score(), h.title());
      if (h.snippet() != null) {
        main.out.println("     " + h.snippet().replace("<mark>", "*").replace("</mark>", "*"));
      }
    }
  }
}
