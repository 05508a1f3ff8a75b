package io.flowodm.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Tells, after Kafka's client gave up, whether a bootstrap address speaks the Kafka protocol at
 * all: it sends one ApiVersions request over a plain socket and reads the first bytes of the
 * answer. Kafka's client only logs what it read there; this turns it into the reason for the
 * failure ("answers in HTTP, not Kafka").
 */
public final class KafkaProtocolProbe {
  private static final int CORRELATION_ID = 0x466c6f77; // "Flow"

  private KafkaProtocolProbe() {}

  /**
   * What the probe found.
   *
   * @param notKafka true when the address answers but not in the Kafka protocol; false when nothing
   *     accepted the connection (a broker may still be starting)
   * @param text a clause saying what was found, without a closing period
   */
  public record Finding(boolean notKafka, String text) {}

  /**
   * Why {@code address} (host:port) is not a Kafka listener, or empty when it looks like one or
   * nothing can be said.
   *
   * @param timeoutMs how long to wait for the connection and the first bytes
   */
  public static Optional<Finding> probe(String address, int timeoutMs) {
    int colon = address.lastIndexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String host = address.substring(0, colon).replace("[", "").replace("]", "");
    int port;
    try {
      port = Integer.parseInt(address.substring(colon + 1).strip());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), timeoutMs);
      socket.setSoTimeout(timeoutMs);
      OutputStream out = socket.getOutputStream();
      out.write(apiVersionsRequest());
      out.flush();
      return classify(address, readUpTo(socket.getInputStream(), 8));
    } catch (ConnectException e) {
      return Optional.of(new Finding(false, "nothing accepts connections at " + address + ": " + e.getMessage()));
    } catch (SocketTimeoutException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The verdict on the first bytes {@code address} sent back. */
  static Optional<Finding> classify(String address, byte[] answer) {
    if (answer.length == 0) {
      return notKafka(address + " closed the connection without answering a Kafka request");
    }
    String text = new String(answer, StandardCharsets.ISO_8859_1);
    if (text.startsWith("HTTP")) {
      return notKafka(
          address + " answers in HTTP, not the Kafka protocol: the address is a web server's or a Schema"
              + " Registry's, not a Kafka broker's");
    }
    if (answer[0] == 0x15 && answer.length > 1 && answer[1] == 0x03) {
      return notKafka(
          address + " answers with a TLS alert: the listener expects TLS, so set KAFKA_SECURITY_PROTOCOL to"
              + " SSL or SASL_SSL");
    }
    if (answer.length >= 8) {
      ByteBuffer b = ByteBuffer.wrap(answer);
      int size = b.getInt();
      int correlation = b.getInt();
      if (size > 0 && size < 1 << 20 && correlation == CORRELATION_ID) {
        return Optional.empty(); // Kafka
      }
    }
    return notKafka(address + " answers, but not in the Kafka protocol: check that the address is a Kafka broker's listener");
  }

  private static Optional<Finding> notKafka(String text) {
    return Optional.of(new Finding(true, text));
  }

  private static byte[] readUpTo(InputStream in, int n) throws IOException {
    byte[] buffer = new byte[n];
    int read = 0;
    while (read < n) {
      int r = in.read(buffer, read, n - read);
      if (r < 0) {
        break;
      }
      read += r;
    }
    byte[] out = new byte[read];
    System.arraycopy(buffer, 0, out, 0, read);
    return out;
  }

  /**
   * ApiVersions v0 (size, api key 18, version 0, correlation id, no client id, empty body), then
   * an empty line, which makes an HTTP server answer at once instead of waiting for the rest of a
   * request. A broker answers the ApiVersions request before it reads further.
   */
  private static byte[] apiVersionsRequest() {
    ByteBuffer b = ByteBuffer.allocate(18);
    b.putInt(10).putShort((short) 18).putShort((short) 0).putInt(CORRELATION_ID).putShort((short) -1);
    b.put("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return b.array();
  }
}
