package org.paperboy.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A small real SMTP server on 127.0.0.1 whose reply to each recipient is chosen by the test
 * (GreenMail cannot be told to answer 451 or 550). It speaks enough ESMTP for Jakarta Mail: EHLO,
 * MAIL, RCPT, DATA, RSET, NOOP, QUIT; it records the recipients whose mail it accepted.
 */
public final class ScriptedSmtpServer implements AutoCloseable {
  private final ServerSocket socket;
  private final Thread acceptor;
  private volatile Function<String, String> rcptReply;
  public final List<String> delivered = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  /**
   * @param rcptReply the reply line to {@code RCPT TO} for an address, e.g. "250 OK"
   */
  public ScriptedSmtpServer(Function<String, String> rcptReply) throws IOException {
    this.rcptReply = rcptReply;
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "scripted-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public void replies(Function<String, String> rcptReply) {
    this.rcptReply = rcptReply;
  }

  public int port() {
    return socket.getLocalPort();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        s.setTcpNoDelay(true);
        open.add(s);
        Thread t = new Thread(() -> serve(s), "scripted-smtp-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s;
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = s.getOutputStream()) {
      send(out, "220 scripted ESMTP");
      List<String> accepted = new java.util.ArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        String cmd = line.toUpperCase(Locale.ROOT);
        if (cmd.startsWith("EHLO") || cmd.startsWith("HELO")) {
          send(out, "250-scripted\r\n250 8BITMIME");
        } else if (cmd.startsWith("MAIL FROM")) {
          accepted.clear();
          send(out, "250 OK");
        } else if (cmd.startsWith("RCPT TO")) {
          String addr = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
          String reply = rcptReply.apply(addr);
          if (reply.startsWith("2")) {
            accepted.add(addr);
          }
          send(out, reply);
        } else if (cmd.equals("DATA")) {
          send(out, "354 go on");
          while ((line = in.readLine()) != null && !line.equals(".")) {
            // the message body is not kept
          }
          delivered.addAll(accepted);
          send(out, "250 queued");
        } else if (cmd.startsWith("RSET") || cmd.startsWith("NOOP")) {
          accepted.clear();
          send(out, "250 OK");
        } else if (cmd.startsWith("QUIT")) {
          send(out, "221 bye");
          return;
        } else {
          send(out, "502 not implemented");
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static void send(OutputStream out, String reply) throws IOException {
    out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Stops listening and drops open connections: the server is gone. */
  public void stop() throws IOException {
    socket.close();
    for (Socket s : open) {
      s.close();
    }
  }

  @Override
  public void close() throws IOException {
    stop();
  }
}
