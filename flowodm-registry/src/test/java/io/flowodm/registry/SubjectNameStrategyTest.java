package io.flowodm.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.ConfigurationException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class SubjectNameStrategyTest {
  private static final Schema ORDER = SchemaBuilder.record("OrderEvent").namespace("com.acme")
      .fields().requiredString("id").endRecord();

  @Test
  void topicStrategyNamesKeyAndValueSubjectsAfterTheTopic() {
    assertThat(SubjectNameStrategy.TOPIC.subject("orders", false, ORDER)).isEqualTo("orders-value");
    assertThat(SubjectNameStrategy.TOPIC.subject("orders", true, null)).isEqualTo("orders-key");
  }

  @Test
  void recordStrategyUsesTheSchemaFullName() {
    assertThat(SubjectNameStrategy.RECORD.subject("orders", false, ORDER))
        .isEqualTo("com.acme.OrderEvent");
    assertThat(SubjectNameStrategy.RECORD.subject(null, true, Schema.create(Schema.Type.STRING)))
        .isEqualTo("string");
  }

  @Test
  void topicRecordStrategyJoinsTopicAndFullName() {
    assertThat(SubjectNameStrategy.TOPIC_RECORD.subject("orders", false, ORDER))
        .isEqualTo("orders-com.acme.OrderEvent");
  }

  @Test
  void suffixIsAppendedToEverySubject() {
    SubjectNameStrategy v2 = SubjectNameStrategy.TOPIC.withSuffix("-v2");

    assertThat(v2.subject("orders", false, ORDER)).isEqualTo("orders-value-v2");
    assertThat(SubjectNameStrategy.RECORD.withSuffix(".v2").subject(null, false, ORDER))
        .isEqualTo("com.acme.OrderEvent.v2");
    assertThat(v2.suffix()).isEqualTo("-v2");
    assertThat(v2).isEqualTo(SubjectNameStrategy.TOPIC.withSuffix("-v2"))
        .isNotEqualTo(SubjectNameStrategy.TOPIC);
    assertThat(v2).hasToString("TOPIC+\"-v2\"");
    assertThat(SubjectNameStrategy.TOPIC.withSuffix("")).isEqualTo(SubjectNameStrategy.TOPIC);
  }

  @Test
  void missingTopicOrSchemaIsNamed() {
    assertThatThrownBy(() -> SubjectNameStrategy.TOPIC.subject(" ", false, ORDER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TOPIC subject name strategy needs a topic");
    assertThatThrownBy(() -> SubjectNameStrategy.TOPIC_RECORD.subject("orders", false, null))
        .hasMessageContaining("names subjects after the schema, but none was given");
  }

  @Test
  void unionsHaveNoNameToUse() {
    Schema union = Schema.createUnion(ORDER, Schema.create(Schema.Type.NULL));

    assertThatThrownBy(() -> SubjectNameStrategy.RECORD.subject("orders", false, union))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the schema is a union")
        .hasMessageContaining("Use the TOPIC strategy");
  }

  @Test
  void confluentClassNamesAndShortNamesAreParsed() {
    String pkg = "io.confluent.kafka.serializers.subject.";
    assertThat(SubjectNameStrategy.parse(pkg + "TopicNameStrategy"))
        .isSameAs(SubjectNameStrategy.TOPIC);
    assertThat(SubjectNameStrategy.parse(pkg + "RecordNameStrategy"))
        .isSameAs(SubjectNameStrategy.RECORD);
    assertThat(SubjectNameStrategy.parse(pkg + "TopicRecordNameStrategy"))
        .isSameAs(SubjectNameStrategy.TOPIC_RECORD);
    assertThat(SubjectNameStrategy.parse("TopicRecordNameStrategy"))
        .isSameAs(SubjectNameStrategy.TOPIC_RECORD);
    assertThat(SubjectNameStrategy.parse(" topic ")).isSameAs(SubjectNameStrategy.TOPIC);
    assertThat(SubjectNameStrategy.parse("RECORD")).isSameAs(SubjectNameStrategy.RECORD);
    assertThat(SubjectNameStrategy.parse("topic-record"))
        .isSameAs(SubjectNameStrategy.TOPIC_RECORD);
    assertThat(SubjectNameStrategy.TOPIC_RECORD.name()).isEqualTo("TOPIC_RECORD");
  }

  @Test
  void unknownStrategyListsTheValidValues() {
    assertThatThrownBy(() -> SubjectNameStrategy.parse("com.acme.MyStrategy"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Unknown subject name strategy \"com.acme.MyStrategy\"")
        .hasMessageContaining("topic, record, topic_record")
        .hasMessageContaining("io.confluent.kafka.serializers.subject.TopicRecordNameStrategy");
    assertThatThrownBy(() -> SubjectNameStrategy.parse(null))
        .isInstanceOf(ConfigurationException.class);
  }
}
