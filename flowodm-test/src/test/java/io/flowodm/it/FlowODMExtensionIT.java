package io.flowodm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.flowodm.FlowException;
import io.flowodm.FlowODM;
import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.EmbeddedSchemaRegistry;
import io.flowodm.test.FlowODMExtension;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs two test classes that use {@link FlowODMExtension} in a JUnit run of their own, then checks
 * what the extension promises: one broker and registry for the run, one FlowODM per class, and
 * every one of them closed when the run ends.
 */
class FlowODMExtensionIT {
  private static volatile boolean insideKit;
  private static final List<Object> SEEN = new CopyOnWriteArrayList<>();

  static boolean insideKit() {
    return insideKit;
  }

  /** A user's test class, run only by the test kit below. */
  @ExtendWith(FlowODMExtension.class)
  @EnabledIf("io.flowodm.it.FlowODMExtensionIT#insideKit")
  static class First {
    First(FlowODM flow) {
      SEEN.add(new Seen("First.constructor", flow));
    }

    @BeforeAll
    static void beforeAll(FlowODM flow, EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
      SEEN.add(new Seen("First.beforeAll", flow));
      SEEN.add(kafka);
      SEEN.add(registry);
    }

    @Test
    void one(FlowODM flow, EmbeddedKafka kafka) {
      SEEN.add(new Seen("First.one", flow));
      SEEN.add(kafka);
      assertThat(flow.topics().list()).isNotNull(); // connected
    }

    @Test
    void two(FlowODM flow, EmbeddedSchemaRegistry registry) {
      SEEN.add(new Seen("First.two", flow));
      SEEN.add(registry);
      assertThat(flow.registry().subjects()).isNotNull();
    }
  }

  /** A second class of the same run. */
  @ExtendWith(FlowODMExtension.class)
  @EnabledIf("io.flowodm.it.FlowODMExtensionIT#insideKit")
  static class Second {
    @Test
    void three(FlowODM flow, EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
      SEEN.add(new Seen("Second.three", flow));
      SEEN.add(kafka);
      SEEN.add(registry);
    }
  }

  private record Seen(String where, FlowODM flow) {}

  @Test
  void aRunSharesOneBrokerAndRegistryGivesEachClassOneFlowOdmAndClosesThemAll() throws Exception {
    insideKit = true;
    try {
      EngineTestKit.engine("junit-jupiter")
          .selectors(selectClass(First.class), selectClass(Second.class))
          .execute()
          .testEvents()
          .assertStatistics(stats -> stats.started(3).succeeded(3));
    } finally {
      insideKit = false;
    }

    List<EmbeddedKafka> kafkas = SEEN.stream().filter(EmbeddedKafka.class::isInstance).map(EmbeddedKafka.class::cast).toList();
    List<EmbeddedSchemaRegistry> registries =
        SEEN.stream().filter(EmbeddedSchemaRegistry.class::isInstance).map(EmbeddedSchemaRegistry.class::cast).toList();
    List<Seen> flows = SEEN.stream().filter(Seen.class::isInstance).map(Seen.class::cast).toList();
    assertThat(Set.copyOf(kafkas)).hasSize(1);
    assertThat(Set.copyOf(registries)).hasSize(1);
    assertThat(flows).extracting(Seen::where).containsExactlyInAnyOrder(
        "First.constructor", "First.constructor", "First.beforeAll", "First.one", "First.two", "Second.three");
    FlowODM first = flows.stream().filter(s -> s.where().startsWith("First")).findFirst().orElseThrow().flow();
    FlowODM second = flows.stream().filter(s -> s.where().startsWith("Second")).findFirst().orElseThrow().flow();
    assertThat(flows).filteredOn(s -> s.where().startsWith("First")).extracting(Seen::flow).containsOnly(first);
    assertThat(second).isNotSameAs(first);

    for (FlowODM flow : List.of(first, second)) {
      assertThatThrownBy(() -> flow.producer(String.class)).isInstanceOf(FlowException.class).hasMessageContaining("closed");
    }
    assertRefused(kafkas.get(0).bootstrapServers());
    assertRefused(registries.get(0).url().replace("http://", ""));
  }

  private static void assertRefused(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    InetSocketAddress address = new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    assertThatThrownBy(() -> {
          try (Socket socket = new Socket()) {
            socket.connect(address, 2000);
          }
        })
        .as("nothing listens on %s any more", hostPort)
        .isInstanceOf(ConnectException.class);
  }

}
