package io.flowodm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.internal.KafkaProtocolProbe.Finding;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class KafkaProtocolProbeTest {

  @Test
  void anHttpAnswerIsNotKafka() {
    assertThat(KafkaProtocolProbe.classify("localhost:8081", "HTTP/1.1".getBytes(StandardCharsets.US_ASCII)))
        .contains(
            new Finding(
                true,
                "localhost:8081 answers in HTTP, not the Kafka protocol: the address is a web server's or a Schema"
                    + " Registry's, not a Kafka broker's"));
  }

  @Test
  void aTlsAlertSaysToUseTls() {
    assertThat(KafkaProtocolProbe.classify("b:9093", new byte[] {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x50}))
        .get()
        .satisfies(f -> assertThat(f.text()).contains("set KAFKA_SECURITY_PROTOCOL to SSL or SASL_SSL"));
  }

  @Test
  void aKafkaAnswerWithOurCorrelationIdIsKafka() {
    byte[] answer = ByteBuffer.allocate(8).putInt(100).putInt(0x466c6f77).array();
    assertThat(KafkaProtocolProbe.classify("b:9092", answer)).isEmpty();
  }

  @Test
  void otherBytesAndAClosedConnectionAreNotKafka() {
    assertThat(KafkaProtocolProbe.classify("b:22", "SSH-2.0-".getBytes(StandardCharsets.US_ASCII)))
        .get()
        .satisfies(f -> assertThat(f.notKafka()).isTrue());
    assertThat(KafkaProtocolProbe.classify("b:22", new byte[0])).get().satisfies(f -> assertThat(f.text()).contains("closed the connection"));
  }

  @Test
  void probesARealSocketThatAnswersInHttpAndOneThatAnswersLikeKafka() throws Exception {
    assertThat(serve(request -> "HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))
        .get()
        .satisfies(f -> assertThat(f.text()).contains("answers in HTTP"));
    // A broker answers with a size and the request's correlation id (bytes 8..11 of the request).
    assertThat(serve(request -> ByteBuffer.allocate(8).putInt(40).put(request, 8, 4).array())).isEmpty();
  }

  @Test
  void aClosedPortIsFoundButNotCalledNotKafka() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    assertThat(KafkaProtocolProbe.probe("localhost:" + port, 1000))
        .get()
        .satisfies(f -> assertThat(f.notKafka()).isFalse())
        .satisfies(f -> assertThat(f.text()).startsWith("nothing accepts connections at localhost:" + port));
  }

  /** Runs a one-connection server that reads the 18-byte probe and writes {@code answer(request)}. */
  private static java.util.Optional<Finding> serve(Function<byte[], byte[]> answer) throws Exception {
    try (ServerSocket server = new ServerSocket(0)) {
      Thread t =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try (Socket s = server.accept()) {
                      InputStream in = s.getInputStream();
                      byte[] request = in.readNBytes(18);
                      OutputStream out = s.getOutputStream();
                      out.write(answer.apply(request));
                      out.flush();
                    } catch (Exception ignored) {
                      // the probe's verdict is what the test checks
                    }
                  });
      java.util.Optional<Finding> found = KafkaProtocolProbe.probe("localhost:" + server.getLocalPort(), 5000);
      t.join();
      return found;
    }
  }
}
