package io.flowodm.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.bench.model.FlatEvent;
import io.flowodm.codec.AvroCodec;
import io.flowodm.model.Model;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HarnessModelsTest {

  @Test
  void everyProduceRunHasItsOwnTopicAndTheConsumeTopicIsApart() {
    Set<String> topics = new HashSet<>();
    for (Class<? extends HarnessModels.Flat> lane : HarnessModels.LANES) {
      topics.add(Model.of(lane).topic());
    }
    topics.add(Model.of(HarnessModels.Consumed.class).topic());

    assertThat(topics).hasSize(HarnessModels.LANES.size() + 1).contains(HarnessModels.OURS_TOPIC + 7);
  }

  @Test
  void theRecordsOfARunWriteTheSameAvroBodyAsTheFlatRecord() {
    List<FlatEvent> events = HarnessModels.events(3);
    List<HarnessModels.Lane5> lane = HarnessModels.as(HarnessModels.Lane5.class, events);

    assertThat(lane).extracting(HarnessModels.Flat::sequence).containsExactly(0L, 1L, 2L);
    for (int i = 0; i < events.size(); i++) {
      assertThat(AvroCodec.of(HarnessModels.Lane5.class).encode(lane.get(i)))
          .isEqualTo(AvroCodec.of(FlatEvent.class).encode(events.get(i)));
    }
  }

  @Test
  void eventsContinueFromTheGivenSequence() {
    List<FlatEvent> events = HarnessModels.events(10, 2);

    assertThat(events).extracting(FlatEvent::sequence).containsExactly(10L, 11L);
    assertThat(events.get(0).id()).isEqualTo("evt-7f3a9c21-000010");
    assertThat(events.get(0)).isNotEqualTo(HarnessModels.events(1).get(0));
  }
}
