package org.paperboy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of the application form no cycle: each depends only on packages below it. Read from
 * the sources (imports and fully qualified names), so a cycle fails the build where it is
 * introduced.
 */
class PackageCyclesTest {
  private static final Path ROOT = Path.of("src/main/java/org/paperboy");
  private static final int MAX_LINES = 320;
  private static final Pattern REFERENCE =
      Pattern.compile("\\borg\\.paperboy\\.([a-z]+(?:\\.[a-z]+)*)\\.[A-Z]");

  @Test
  void packagesFormNoCycle() throws IOException {
    Map<String, Set<String>> uses = dependencies();
    assertThat(uses).containsKeys("store", "search", "web");
    assertThat(cycles(uses)).as("package cycles").isEmpty();
    // The typed configuration is read by everything, so it depends on nothing of ours.
    assertThat(uses.get("config")).as("config depends on").isEmpty();
    assertThat(uses.get("paper")).as("paper depends on").isEmpty();
  }

  @Test
  void layersPointDownward() throws IOException {
    Map<String, Set<String>> uses = dependencies();
    // The command line and the application wiring sit on top: nothing of ours depends on them
    // but the command line on the wiring.
    uses.forEach((pkg, to) -> assertThat(to).as(pkg + " depends on").doesNotContain("cli"));
    uses.forEach(
        (pkg, to) -> {
          if (!pkg.equals("cli")) {
            assertThat(to).as(pkg + " depends on").doesNotContain("app");
          }
        });
    // The store publishes its changes; it knows nothing of what follows them.
    assertThat(uses.get("store")).as("store depends on").doesNotContain("index", "embed", "search");
    assertThat(uses.get("community")).as("community depends on").doesNotContain("ingest");
  }

  @Test
  void routesAreDeclaredInOneTable() throws IOException {
    Pattern route = Pattern.compile("\\bapp\\.(get|post|put|patch|delete)\\(");
    List<String> declaring = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (route.matcher(Files.readString(f)).find()) {
          declaring.add(ROOT.relativize(f).toString());
        }
      }
    }
    assertThat(declaring).containsExactly("web/Routes.java");
  }

  @Test
  void noClassGrowsPastAboutThreeHundredLines() throws IOException {
    Map<String, Long> large = new TreeMap<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        long lines;
        try (Stream<String> l = Files.lines(f)) {
          lines = l.count();
        }
        if (lines > MAX_LINES) {
          large.put(ROOT.relativize(f).toString(), lines);
        }
      }
    }
    assertThat(large).as("files over %d lines: split them by responsibility", MAX_LINES).isEmpty();
  }

  @Test
  void theCheckFindsACycle() {
    Map<String, Set<String>> uses = new TreeMap<>();
    uses.put("a", Set.of("b"));
    uses.put("b", Set.of("c"));
    uses.put("c", Set.of("a"));
    uses.put("d", Set.of("a"));
    assertThat(cycles(uses)).containsExactly(List.of("a", "b", "c"));
  }

  private static Map<String, Set<String>> dependencies() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = ROOT.relativize(f.getParent()).toString().replace('/', '.');
        Set<String> to = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
        Matcher m = REFERENCE.matcher(Files.readString(f));
        while (m.find()) {
          if (!m.group(1).equals(pkg)) {
            to.add(m.group(1));
          }
        }
      }
    }
    return uses;
  }

  /** Strongly connected components of more than one package (Tarjan), each sorted. */
  static List<List<String>> cycles(Map<String, Set<String>> uses) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    List<List<String>> out = new ArrayList<>();
    for (String v : uses.keySet()) {
      if (!index.containsKey(v)) {
        connect(v, uses, index, low, stack, out);
      }
    }
    return out;
  }

  private static void connect(
      String v,
      Map<String, Set<String>> uses,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      List<List<String>> out) {
    index.put(v, index.size());
    low.put(v, index.get(v));
    stack.push(v);
    for (String w : uses.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        connect(w, uses, index, low, stack, out);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (stack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      List<String> component = new ArrayList<>();
      String w;
      do {
        w = stack.pop();
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        out.add(component.stream().sorted().toList());
      }
    }
  }
}
