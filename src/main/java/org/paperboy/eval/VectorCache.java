package org.paperboy.eval;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Embeddings kept in a file between evaluation runs (written atomically). */
public final class VectorCache {
  private VectorCache() {}

  public static Map<String, float[]> read(Path file) {
    Map<String, float[]> out = new HashMap<>();
    try (DataInputStream in =
        new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        String id = in.readUTF();
        float[] v = new float[in.readInt()];
        for (int j = 0; j < v.length; j++) {
          v[j] = in.readFloat();
        }
        out.put(id, v);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read embedding cache " + file + ": " + e.getMessage(), e);
    }
  }

  public static void write(Path file, Map<String, float[]> vectors) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), ".vectors", ".tmp");
      try (DataOutputStream out =
          new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp)))) {
        out.writeInt(vectors.size());
        for (var e : vectors.entrySet()) {
          out.writeUTF(e.getKey());
          out.writeInt(e.getValue().length);
          for (float f : e.getValue()) {
            out.writeFloat(f);
          }
        }
      }
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write embedding cache " + file + ": " + e.getMessage(), e);
    }
  }
}
