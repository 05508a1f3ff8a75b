package io.flowodm.bench.loop;

import io.flowodm.FlowODM;
import io.flowodm.bench.loop.LoopModels.Sequenced;
import io.flowodm.serde.FlowDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

/**
 * Spring Kafka 4.1.2's {@code KafkaMessageListenerContainer}, built programmatically (no
 * application context): a {@code DefaultKafkaConsumerFactory} with the same consumer settings and
 * {@code FlowDeserializer} for values, a record {@code MessageListener} running the handler on the
 * container's consumer thread, every container property at its default (ack mode BATCH, commits
 * synchronous after each poll's records).
 */
final class SpringContainerPeer implements Contestant {
  static final String NAME = "Spring Kafka KafkaMessageListenerContainer";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public AutoCloseable start(FlowODM flow, Scenario<?> scenario, String group, Tally tally) {
    return start(flow, scenario, group, tally, scenario.type());
  }

  private <T extends Sequenced> AutoCloseable start(FlowODM flow, Scenario<?> scenario, String group, Tally tally, Class<T> type) {
    DefaultKafkaConsumerFactory<String, T> factory =
        new DefaultKafkaConsumerFactory<>(
            Scenario.consumerProperties(flow, group), new StringDeserializer(), new FlowDeserializer<>(type, flow.registry()));
    ContainerProperties properties = new ContainerProperties(scenario.topic());
    properties.setGroupId(group);
    properties.setMessageListener(
        (MessageListener<String, T>)
            record -> {
              try {
                scenario.handle(tally, record.value());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                tally.failed(e);
              }
            });
    KafkaMessageListenerContainer<String, T> container = new KafkaMessageListenerContainer<>(factory, properties);
    container.setBeanName("bench-spring-" + group);
    container.start();
    return container::stop;
  }
}
