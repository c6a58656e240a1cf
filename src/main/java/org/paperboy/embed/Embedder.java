package org.paperboy.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.paperboy.config.EmbeddingModelId;
import org.paperboy.paper.Paper;

/**
 * Turns text into 384-d unit vectors with an in-process ONNX model. One ONNX Runtime session per
 * worker thread with one intra-op thread each (measured to scale best on 2 cores, INFRA.md).
 *
 * <p>Each text runs on its own, unpadded: the quantised models quantise activations dynamically
 * over the whole input tensor, so padding a text in a batch changes its vector (measured: cosine
 * 0.991 against the same text alone). One text per run makes a paper's vector independent of the
 * batch it happened to be in. Thread-safe.
 */
public final class Embedder implements QueryEncoder, AutoCloseable {
  private static final int GROUP = 16;
  private static final int INTRA_OP = Integer.getInteger("paperboy.intraop", 1);

  private final EmbeddingModelId id;
  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final HuggingFaceTokenizer tokenizer;
  private final ExecutorService workers;
  private final ThreadLocal<OrtSession> sessions;
  private final List<OrtSession> allSessions = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final byte[] model;
  private volatile OrtSession querySession;
  private final java.util.concurrent.locks.ReentrantReadWriteLock queries =
      new java.util.concurrent.locks.ReentrantReadWriteLock();
  private boolean closed; // guarded by queries' write lock

  public Embedder(EmbeddingModelId id) {
    this.id = id;
    byte[] model;
    try (InputStream m = resource(id.modelResource());
        InputStream t = resource(id.tokenizerResource())) {
      model = m.readAllBytes();
      // The tokenizer's own truncation (128 tokens for MiniLM, 512 for bge) is what each model was
      // trained and evaluated with; overriding it to 512 made MiniLM 4x slower for no gain.
      tokenizer = HuggingFaceTokenizer.newInstance(t, Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot load embedding model " + id.key() + ": " + e.getMessage(), e);
    }
    this.model = model;
    this.sessions = ThreadLocal.withInitial(this::newSession);
    this.workers =
        Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(),
            Thread.ofPlatform().daemon().name("paperboy-embed-", 0).factory());
  }

  private OrtSession newSession() {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(INTRA_OP);
      OrtSession s = env.createSession(model, options);
      allSessions.add(s);
      return s;
    } catch (OrtException e) {
      throw new IllegalStateException("cannot start ONNX Runtime: " + e.getMessage(), e);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = Embedder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("resource " + name + " is not on the class path");
    }
    return in;
  }

  public EmbeddingModelId id() {
    return id;
  }

  /** The text a paper is embedded from: title and abstract, as in the evaluations. */
  public static String textOf(String title, String abstractText) {
    return abstractText == null || abstractText.isEmpty() ? title : title + ". " + abstractText;
  }

  public static String textOf(Paper p) {
    return textOf(p.title(), p.abstractText());
  }

  /**
   * A search query's vector: encoded as typed, like a document (no instruction prefix), on the
   * calling thread with a session of its own, the same vector {@link #embed} gives. Through the
   * worker pool a query waited behind the groups of papers {@code serve} embeds in the background
   * (QueryEmbeddingTiming: slowest of 30 queries 192 ms, 8.2 ms on the calling thread) and paid the
   * hand-over when idle (p50 3.64 against 2.98 ms).
   */
  @Override
  public float[] encodeQuery(String text) {
    queries.readLock().lock(); // close() waits for running queries: a closed session crashes
    try {
      if (closed) {
        throw new IllegalStateException("the embedder is closed");
      }
      Encoding[] one = {tokenizer.encode(text == null || text.isBlank() ? "(empty)" : text)};
      return run(querySession(), one, new int[] {0})[0];
    } catch (OrtException e) {
      throw new IllegalStateException("embedding failed: " + e.getMessage(), e);
    } finally {
      queries.readLock().unlock();
    }
  }

  /**
   * The session queries run on: ONNX Runtime lets threads run one session at once, and with one
   * intra-op thread each run stays on its caller's thread. Made on the first query, so commands
   * that only embed papers never load a third copy of the model.
   */
  private OrtSession querySession() {
    OrtSession s = querySession;
    if (s == null) {
      synchronized (this) {
        s = querySession;
        if (s == null) {
          s = newSession();
          querySession = s;
        }
      }
    }
    return s;
  }

  public float[] embed(String text) {
    return embedAll(List.of(text)).get(0);
  }

  public List<float[]> embedAll(List<String> texts) {
    int n = texts.size();
    Encoding[] encodings = new Encoding[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      String t = texts.get(i);
      encodings[i] = tokenizer.encode(t == null || t.isBlank() ? "(empty)" : t);
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparingInt(i -> encodings[i].getIds().length));
    float[][] out = new float[n][];
    List<Future<?>> pending = new ArrayList<>();
    for (int start = 0; start < n; start += GROUP) {
      int from = start;
      int to = Math.min(n, start + GROUP);
      pending.add(
          workers.submit(
              () -> {
                int[] idx = new int[to - from];
                for (int k = 0; k < idx.length; k++) {
                  idx[k] = order[from + k];
                }
                for (int i : idx) {
                  out[i] = run(encodings, new int[] {i})[0];
                }
                return null;
              }));
    }
    for (Future<?> f : pending) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("embedding interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException(
            "embedding failed: " + e.getCause().getMessage(), e.getCause());
      }
    }
    return java.util.Arrays.asList(out);
  }

  private float[][] run(Encoding[] encodings, int[] idx) throws OrtException {
    return run(sessions.get(), encodings, idx);
  }

  private float[][] run(OrtSession session, Encoding[] encodings, int[] idx) throws OrtException {
    int batch = idx.length;
    int len = 0;
    for (int i : idx) {
      len = Math.max(len, encodings[i].getIds().length);
    }
    long[][] ids = new long[batch][len];
    long[][] mask = new long[batch][len];
    long[][] types = new long[batch][len];
    for (int b = 0; b < batch; b++) {
      Encoding e = encodings[idx[b]];
      System.arraycopy(e.getIds(), 0, ids[b], 0, e.getIds().length);
      System.arraycopy(e.getAttentionMask(), 0, mask[b], 0, e.getAttentionMask().length);
      System.arraycopy(e.getTypeIds(), 0, types[b], 0, e.getTypeIds().length);
    }
    try (OnnxTensor tIds = OnnxTensor.createTensor(env, ids);
        OnnxTensor tMask = OnnxTensor.createTensor(env, mask);
        OnnxTensor tTypes = OnnxTensor.createTensor(env, types)) {
      Map<String, OnnxTensor> inputs = new java.util.HashMap<>();
      inputs.put("input_ids", tIds);
      inputs.put("attention_mask", tMask);
      if (session.getInputNames().contains("token_type_ids")) {
        inputs.put("token_type_ids", tTypes);
      }
      try (OrtSession.Result result = session.run(inputs)) {
        float[][][] hidden = (float[][][]) result.get(0).getValue();
        float[][] out = new float[batch][];
        for (int b = 0; b < batch; b++) {
          out[b] = normalise(pool(hidden[b], mask[b]));
        }
        return out;
      }
    }
  }

  private float[] pool(float[][] tokens, long[] mask) {
    if (id.pooling() == EmbeddingModelId.Pooling.CLS) {
      return tokens[0].clone();
    }
    float[] sum = new float[tokens[0].length];
    int count = 0;
    for (int t = 0; t < tokens.length; t++) {
      if (mask[t] == 1) {
        for (int d = 0; d < sum.length; d++) {
          sum[d] += tokens[t][d];
        }
        count++;
      }
    }
    for (int d = 0; d < sum.length; d++) {
      sum[d] /= Math.max(count, 1);
    }
    return sum;
  }

  private static float[] normalise(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    float inv = (float) (1 / Math.sqrt(Math.max(norm, 1e-12)));
    for (int i = 0; i < v.length; i++) {
      v[i] *= inv;
    }
    return v;
  }

  @Override
  public void close() {
    workers.shutdownNow();
    try {
      // A session closed while a worker is inside run() crashes the JVM (native use after free):
      // wait for running texts to finish first.
      if (!workers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
        return; // still busy: leave the sessions to the process exit rather than crash it
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      if (!queries.writeLock().tryLock(30, java.util.concurrent.TimeUnit.SECONDS)) {
        return; // a query still running: as above
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      closed = true;
      for (OrtSession s : allSessions) {
        try {
          s.close();
        } catch (OrtException e) {
          // closing at shutdown; nothing left to do
        }
      }
    } finally {
      queries.writeLock().unlock();
    }
    tokenizer.close();
  }
}
