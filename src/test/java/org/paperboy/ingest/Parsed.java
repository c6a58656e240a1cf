package org.paperboy.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.paperboy.paper.Paper;

/** What a parser delivered for one input. */
public record Parsed(List<Paper> papers, List<String> rejections) {

  public static Parsed file(PaperParser parser, Path file) throws IOException {
    try (InputStream in = InputFiles.open(file, new AtomicLong())) {
      return stream(parser, in, file.getFileName().toString());
    }
  }

  public static Parsed text(PaperParser parser, String fileName, String text) throws IOException {
    return stream(
        parser, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), fileName);
  }

  public static Parsed stream(PaperParser parser, InputStream in, String fileName)
      throws IOException {
    List<Paper> papers = new ArrayList<>();
    List<String> rejections = new ArrayList<>();
    parser.parse(
        in,
        fileName,
        new RecordSink() {
          @Override
          public void accept(Paper paper) {
            papers.add(paper);
          }

          @Override
          public void reject(String where, String reason) {
            rejections.add(where + ": " + reason);
          }
        });
    return new Parsed(papers, rejections);
  }

  Paper byTitle(String title) {
    return papers.stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow();
  }

  Paper byId(String id) {
    return papers.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }
}
