package io.flowodm.test;

import io.flowodm.FlowConfig;
import io.flowodm.FlowODM;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives a test class a Kafka broker ({@link EmbeddedKafka}), a Schema
 * Registry ({@link EmbeddedSchemaRegistry}) and a {@link FlowODM} connected to both, as parameters
 * of its constructor, {@code @BeforeAll}, {@code @BeforeEach} and test methods:
 *
 * <pre>{@code
 * @ExtendWith(FlowODMExtension.class)
 * class OrderServiceIT {
 *   @Test
 *   void ordersGoThrough(FlowODM flow) {
 *     flow.send(new OrderEvent(...));
 *   }
 * }
 * }</pre>
 *
 * <p>The broker and the registry start once per test run (they live in JUnit's root extension
 * context), when the first test class needs them, and stop when the run's tests are done, so a
 * suite pays their start-up once; use distinct topic names per test class. Each test class gets
 * its own {@code FlowODM}, closed after the class.
 */
public final class FlowODMExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FlowODMExtension.class);

  /** The broker and registry shared by every test class of the run. */
  private record Infrastructure(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) implements AutoCloseable {
    @Override
    public void close() {
      try {
        registry.close();
      } finally {
        kafka.close();
      }
    }
  }

  /** A FlowODM closed with its test class. */
  private record Connection(FlowODM flow) implements AutoCloseable {
    @Override
    public void close() {
      flow.close();
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    connection(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    // The class-level store closes the Connection; nothing else to do.
  }

  private static Infrastructure infrastructure(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(
            Infrastructure.class,
            k -> {
              EmbeddedKafka kafka = EmbeddedKafka.start();
              try {
                return new Infrastructure(kafka, EmbeddedSchemaRegistry.start());
              } catch (RuntimeException e) {
                kafka.close();
                throw e;
              }
            },
            Infrastructure.class);
  }

  private static FlowODM connection(ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    Infrastructure infra = infrastructure(context);
    return classContext
        .getStore(NAMESPACE)
        .computeIfAbsent(
            Connection.class,
            k ->
                new Connection(
                    FlowODM.connect(
                        FlowConfig.builder()
                            .bootstrapServers(infra.kafka().bootstrapServers())
                            .schemaRegistryUrl(infra.registry().url())
                            .build())),
            Connection.class)
        .flow();
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == FlowODM.class || type == EmbeddedKafka.class || type == EmbeddedSchemaRegistry.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == EmbeddedKafka.class) {
      return infrastructure(context).kafka();
    }
    if (type == EmbeddedSchemaRegistry.class) {
      return infrastructure(context).registry();
    }
    if (type == FlowODM.class) {
      return connection(context);
    }
    throw new ParameterResolutionException("FlowODMExtension cannot supply a " + type.getName());
  }
}
