package io.flowodm.loop.internal;

import io.flowodm.ConsumerOptions;
import io.flowodm.FlowODM;
import io.flowodm.loop.ErrorHandler;
import io.flowodm.loop.Ordering;
import io.flowodm.loop.RecordHandler;
import io.flowodm.loop.RetryPolicy;
import io.flowodm.model.Model;
import java.time.Duration;

/**
 * Everything a loop was built with, checked by its builder. Not API: the builders in {@code
 * io.flowodm.loop} fill it in.
 *
 * @param flow the connection; null in unit tests that pass their own clients
 * @param handler the handler; tombstones reach it only when {@code tombstonesToHandler}
 * @param installSignalHandlers null: the default (true for {@code run()}, false for {@code start()})
 * @param meterRegistry a Micrometer {@code MeterRegistry}, typed Object so that Micrometer is optional
 * @param async handlers on virtual threads (AsyncConsumerLoop) rather than one worker thread
 */
public record LoopSettings<T>(
    FlowODM flow,
    Model<T> model,
    String group,
    ConsumerOptions options,
    RecordHandler<T> handler,
    boolean tombstonesToHandler,
    RetryPolicy retry,
    String deadLetterTopic,
    ErrorHandler<T> errorHandler,
    Runnable onStartup,
    Runnable onShutdown,
    Duration shutdownTimeout,
    Boolean installSignalHandlers,
    Object meterRegistry,
    String name,
    boolean atMostOnce,
    boolean async,
    int maxConcurrent,
    Ordering ordering,
    int maxBufferedPerPartition,
    int maxBuffered,
    int offsetMetadataMaxBytes,
    Duration commitInterval) {

  /** The topic the loop reads. */
  public String topic() {
    return model.topic();
  }
}
