package io.flowodm.loop.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Forwards TCP connections from a port of its own to a target port that the test can change, so a
 * client keeps one address while the server behind it is stopped and replaced (by one that already
 * holds the data the old one had). A connection to a target that is down is closed at once, as a
 * refused connection would be.
 */
final class TcpRelay implements AutoCloseable {
  private final ServerSocket server;
  private volatile int target;

  TcpRelay(int target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().name("tcp-relay").start(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  void target(int port) {
    this.target = port;
  }

  private void accept() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return;
      }
      Thread.ofVirtual().start(() -> relay(client));
    }
  }

  private void relay(Socket client) {
    try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target)) {
      Thread back = Thread.ofVirtual().start(() -> pipe(upstream, client));
      pipe(client, upstream);
      back.join();
    } catch (IOException | InterruptedException e) {
      // the target is down, or a side hung up: the client sees its connection closed
    }
  }

  private static void pipe(Socket from, Socket to) {
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // closed
    } finally {
      try {
        from.close();
        to.close();
      } catch (IOException e) {
        // closing
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
