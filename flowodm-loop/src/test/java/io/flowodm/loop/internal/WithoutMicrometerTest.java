package io.flowodm.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Micrometer is optional: without it on the class path the loop's classes load, link and verify (the
 * engine reaches its meters only through {@code LoopMetrics.NONE} then).
 */
class WithoutMicrometerTest {
  /** One class of each jar the loop needs at run time; Micrometer's is not among them. */
  private static final Class<?>[] RUNTIME = {
    Engine.class, io.flowodm.FlowODM.class, io.flowodm.registry.SchemaRegistryClient.class,
    org.apache.kafka.clients.consumer.KafkaConsumer.class, org.slf4j.LoggerFactory.class, org.slf4j.simple.SimpleLogger.class,
    org.apache.avro.Schema.class,
    com.fasterxml.jackson.databind.ObjectMapper.class, com.fasterxml.jackson.core.JsonFactory.class,
  };

  @Test
  void theLoopClassesLoadWithoutMicrometer() throws Exception {
    Set<URL> urls = new LinkedHashSet<>();
    for (Class<?> c : RUNTIME) {
      urls.add(c.getProtectionDomain().getCodeSource().getLocation());
    }
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry", false, loader))
          .isInstanceOf(ClassNotFoundException.class);
      for (String name : new String[] {
          "io.flowodm.loop.AsyncConsumerLoop$Builder", "io.flowodm.loop.ConsumerLoop$Builder", "io.flowodm.loop.LoopBuilder",
          "io.flowodm.loop.internal.Engine", "io.flowodm.loop.internal.LoopRunner", "io.flowodm.loop.internal.Worker",
          "io.flowodm.loop.internal.LoopMetrics", "io.flowodm.loop.internal.Commits"}) {
        Class<?> c = Class.forName(name, true, loader);
        if (!name.equals("io.flowodm.loop.LoopBuilder")) {
          // resolves every signature; LoopBuilder's meterRegistry(MeterRegistry) would need Micrometer
          // here, though calling the builder's other methods never does
          c.getDeclaredMethods();
        }
        assertThat(c.getClassLoader()).isSameAs(loader);
      }
    }
  }
}
