package io.flowodm.test;

import io.flowodm.FlowConfig;
import io.flowodm.FlowODM;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit Jupiter extension that gives a test class a Kafka broker ({@link EmbeddedKafka}), a Schema
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
 *
 * <p>Works with JUnit Jupiter 5.10 and later, 5.x and 6.x alike (Spring Boot 3 brings 5.x): it uses
 * only store methods that every one of them has, and its stored resources are closed by 5.x's
 * {@code CloseableResource} rule as well as by the {@code AutoCloseable} rule of 5.13 and 6.
 */
public final class FlowODMExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FlowODMExtension.class);

  /**
   * A resource JUnit closes with the context that stores it: through {@code CloseableResource} up
   * to Jupiter 5.12, through {@code AutoCloseable} from 5.13 (which then skips the other). Closes
   * once, whichever way it is asked.
   */
  @SuppressWarnings("deprecation") // CloseableResource is deprecated since Jupiter 5.13, and the only way before it
  private abstract static class Resource implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    private final AtomicBoolean closed = new AtomicBoolean();

    @Override
    public final void close() {
      if (closed.compareAndSet(false, true)) {
        release();
      }
    }

    abstract void release();
  }

  /** The broker and registry shared by every test class of the run. */
  private static final class Infrastructure extends Resource {
    private final EmbeddedKafka kafka;
    private final EmbeddedSchemaRegistry registry;

    Infrastructure(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
      this.kafka = kafka;
      this.registry = registry;
    }

    EmbeddedKafka kafka() {
      return kafka;
    }

    EmbeddedSchemaRegistry registry() {
      return registry;
    }

    @Override
    void release() {
      try {
        registry.close();
      } finally {
        kafka.close();
      }
    }
  }

  /** A FlowODM closed with its test class. */
  private static final class Connection extends Resource {
    private final FlowODM flow;

    Connection(FlowODM flow) {
      this.flow = flow;
    }

    FlowODM flow() {
      return flow;
    }

    @Override
    void release() {
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

  @SuppressWarnings("deprecation") // computeIfAbsent, which replaces it, exists only from Jupiter 5.13
  private static Infrastructure infrastructure(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
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

  @SuppressWarnings("deprecation") // as above
  private static FlowODM connection(ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    Infrastructure infra = infrastructure(context);
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
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
