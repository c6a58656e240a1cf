package org.paperboy.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperboy.ingest.BadInputException;

/**
 * A dataset in BEIR's layout: {@code corpus.jsonl} ({@code _id, title, text}), {@code
 * queries.jsonl} ({@code _id, text}) and {@code qrels/SPLIT.tsv} ({@code query-id corpus-id score},
 * with a header line). Only queries that have judgments are evaluated, as in BEIR.
 */
public record BeirDataset(
    List<Doc> corpus, Map<String, String> queries, Map<String, Map<String, Integer>> qrels) {

  /** One corpus document. */
  public record Doc(String id, String title, String text) {}

  public static BeirDataset load(Path dir, String split) {
    ObjectMapper json = new ObjectMapper();
    Path corpusFile = dir.resolve("corpus.jsonl");
    Path queriesFile = dir.resolve("queries.jsonl");
    Path qrelsFile = dir.resolve("qrels").resolve(split + ".tsv");
    List<Doc> corpus = new ArrayList<>();
    readJsonLines(
        json,
        corpusFile,
        n -> corpus.add(new Doc(text(n, "_id"), text(n, "title"), text(n, "text"))));
    Map<String, String> allQueries = new HashMap<>();
    readJsonLines(json, queriesFile, n -> allQueries.put(text(n, "_id"), text(n, "text")));
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    try (BufferedReader r = Files.newBufferedReader(qrelsFile, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = r.readLine()) != null) {
        number++;
        if (number == 1 && line.startsWith("query-id")) {
          continue;
        }
        if (line.isBlank()) {
          continue;
        }
        String[] parts = line.split("\t");
        if (parts.length != 3) {
          throw new BadInputException(
              qrelsFile + ": line " + number + ": expected 3 tab-separated columns");
        }
        qrels
            .computeIfAbsent(parts[0], k -> new HashMap<>())
            .put(parts[1], Integer.parseInt(parts[2].strip()));
      }
    } catch (IOException e) {
      throw new BadInputException("cannot read " + qrelsFile + ": " + e.getMessage(), e);
    } catch (NumberFormatException e) {
      throw new BadInputException(qrelsFile + ": a score is not a whole number", e);
    }
    Map<String, String> queries = new LinkedHashMap<>();
    for (String id : qrels.keySet()) {
      String text = allQueries.get(id);
      if (text == null) {
        throw new BadInputException(qrelsFile + ": query " + id + " is not in " + queriesFile);
      }
      queries.put(id, text);
    }
    return new BeirDataset(corpus, queries, qrels);
  }

  /**
   * Writes the dataset in BEIR's layout into {@code dir}, its judgments as {@code qrels/SPLIT.tsv}.
   */
  public void write(Path dir, String split) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Files.createDirectories(dir.resolve("qrels"));
    try (var w = Files.newBufferedWriter(dir.resolve("corpus.jsonl"), StandardCharsets.UTF_8)) {
      for (Doc d : corpus) {
        var n = json.createObjectNode().put("_id", d.id()).put("title", d.title());
        w.write(json.writeValueAsString(n.put("text", d.text())));
        w.write('\n');
      }
    }
    try (var w = Files.newBufferedWriter(dir.resolve("queries.jsonl"), StandardCharsets.UTF_8)) {
      for (var q : queries.entrySet()) {
        w.write(
            json.writeValueAsString(
                json.createObjectNode().put("_id", q.getKey()).put("text", q.getValue())));
        w.write('\n');
      }
    }
    Path qrelsFile = dir.resolve("qrels").resolve(split + ".tsv");
    try (var w = Files.newBufferedWriter(qrelsFile, StandardCharsets.UTF_8)) {
      w.write("query-id\tcorpus-id\tscore\n");
      for (var q : qrels.entrySet()) {
        for (var d : new java.util.TreeMap<>(q.getValue()).entrySet()) {
          w.write(q.getKey() + "\t" + d.getKey() + "\t" + d.getValue() + "\n");
        }
      }
    }
  }

  private static void readJsonLines(
      ObjectMapper json, Path file, java.util.function.Consumer<JsonNode> sink) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = r.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode n;
        try {
          n = json.readTree(line);
        } catch (IOException e) {
          throw new BadInputException(file + ": line " + number + ": not a JSON object");
        }
        if (text(n, "_id") == null) {
          throw new BadInputException(file + ": line " + number + ": missing _id");
        }
        sink.accept(n);
      }
    } catch (IOException e) {
      throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
