package io.flowodm.it;

import io.flowodm.ConsumedRecord;
import io.flowodm.ModelConsumer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Small helpers the ITs share: reading a known number of records, and a group's committed offsets. */
final class Drain {
  private Drain() {}

  /** Reads until {@code count} records arrived or {@code within} passed; returns what arrived. */
  static <T> List<ConsumedRecord<T>> records(ModelConsumer<T> consumer, int count, Duration within) {
    List<ConsumedRecord<T>> out = new ArrayList<>(count);
    long deadline = System.nanoTime() + within.toNanos();
    while (out.size() < count && System.nanoTime() < deadline) {
      out.addAll(consumer.pollBatch(count - out.size(), Duration.ofMillis(200)));
    }
    return out;
  }

  /** How many members the group has: 0 once its consumers closed and left. */
  static int members(String bootstrap, String group) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get(10, TimeUnit.SECONDS).members().size();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot describe group " + group + ": " + e, e);
    }
  }

  /** The group's committed offset of partition 0 of {@code topic}, or -1 when none is committed. */
  static long committed(String bootstrap, String group, String topic) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
      OffsetAndMetadata o = offsets.get(new TopicPartition(topic, 0));
      return o == null ? -1 : o.offset();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read the offsets of group " + group + ": " + e, e);
    }
  }
}
