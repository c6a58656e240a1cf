package org.paperboy.digest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sockets with {@code TCP_NODELAY} for SMTP. Jakarta Mail writes the body and the final {@code .}
 * separately and then waits for the reply; with Nagle's algorithm on, that last small write waits
 * for the server's delayed ACK (40 ms on Linux), which capped delivery at about 22 mails/s on one
 * connection (measured, BENCHMARKS.md).
 */
final class NoDelaySockets extends SocketFactory {
  private final SocketFactory inner;

  private NoDelaySockets(SocketFactory inner) {
    this.inner = inner;
  }

  static SocketFactory plain() {
    return new NoDelaySockets(SocketFactory.getDefault());
  }

  static SocketFactory tls() {
    return new NoDelaySockets(SSLSocketFactory.getDefault());
  }

  private static Socket noDelay(Socket s) throws IOException {
    s.setTcpNoDelay(true);
    return s;
  }

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(inner.createSocket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(inner.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return noDelay(inner.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(inner.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return noDelay(inner.createSocket(address, port, localAddress, localPort));
  }
}
