package io.flowodm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.ConfigurationException;
import io.flowodm.SchemaGenerationException;
import io.flowodm.annotation.AvroName;
import io.flowodm.annotation.Key;
import io.flowodm.annotation.Topic;
import io.flowodm.registry.SubjectNameStrategy;
import io.flowodm.schema.AvroSchemas;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** A Model binds a record to its topic, group, key, schema and codec, and refuses bad records early. */
class ModelTest {

  @Topic(value = "orders", group = "billing", partitions = 6, config = {"retention.ms=604800000"})
  record Order(@Key String id, int quantity) {}

  @Topic("payments")
  record Payment(long cents, @Key @AvroName("account_id") Optional<String> account) {}

  @Topic("ticks")
  record Tick(@Key long sequence, UUID source) {}

  @Topic("events")
  record Event(String text) {}

  @Test
  void aModelHasTheTopicGroupSchemaAndCodecOfItsRecord() {
    Model<Order> model = Model.of(Order.class);

    assertThat(model.type()).isEqualTo(Order.class);
    assertThat(model.topic()).isEqualTo("orders");
    assertThat(model.group()).contains("billing");
    assertThat(model.topicAnnotation().partitions()).isEqualTo(6);
    assertThat(model.topicAnnotation().config()).containsExactly("retention.ms=604800000");
    assertThat(model.schema()).isEqualTo(AvroSchemas.of(Order.class));
    assertThat(model.codec().decode(model.codec().encode(new Order("o-1", 2)))).isEqualTo(new Order("o-1", 2));
    assertThat(model).hasToString("Model[io.flowodm.model.ModelTest$Order -> orders, key id]");
  }

  @Test
  void aModelIsBuiltOncePerClass() {
    assertThat(Model.of(Order.class)).isSameAs(Model.of(Order.class));
  }

  @Test
  void theGroupIsEmptyWhenTopicNamesNone() {
    assertThat(Model.of(Event.class).group()).isEmpty();
  }

  @Test
  void theKeyIsTheValueOfTheKeyComponentWithItsSchema() {
    Model<Order> orders = Model.of(Order.class);
    Model<Tick> ticks = Model.of(Tick.class);

    assertThat(orders.keyComponent()).contains("id");
    assertThat(orders.key(new Order("o-7", 1))).isEqualTo("o-7");
    assertThat(orders.keySchema()).isEqualTo(Schema.create(Schema.Type.STRING));
    assertThat(ticks.key(new Tick(42L, new UUID(0, 1)))).isEqualTo(42L);
    assertThat(ticks.keySchema()).isEqualTo(Schema.create(Schema.Type.LONG));
  }

  @Test
  void anOptionalKeyIsUnwrappedAndEmptyIsNull() {
    Model<Payment> model = Model.of(Payment.class);

    assertThat(model.keyComponent()).contains("account");
    assertThat(model.key(new Payment(100, Optional.of("acc-1")))).isEqualTo("acc-1");
    assertThat(model.key(new Payment(100, Optional.empty()))).isNull();
    assertThat(model.keySchema().toString()).isEqualTo("[\"null\",\"string\"]");
  }

  @Test
  void aRecordWithoutKeyHasNoKeyAndNoKeySchema() {
    Model<Event> model = Model.of(Event.class);

    assertThat(model.keyComponent()).isEmpty();
    assertThat(model.key(new Event("x"))).isNull();
    assertThat(model.keySchema()).isNull();
    assertThat(model).hasToString("Model[io.flowodm.model.ModelTest$Event -> events]");
  }

  static final class NotARecord {}

  record NoTopic(@Key String id) {}

  @Topic("twice")
  record TwoKeys(@Key String first, String middle, @Key String second) {}

  @Topic(" ")
  record BlankTopic(String id) {}

  @Topic("bad")
  record Unmappable(@Key String id, Object payload) {}

  @Test
  void aClassThatIsNotARecordIsRefused() {
    assertThatThrownBy(() -> Model.of(NotARecord.class))
        .isInstanceOf(SchemaGenerationException.class)
        .hasMessage(
            "Cannot build a model of io.flowodm.model.ModelTest$NotARecord: it is not a record. "
                + "Declare it as `@Topic(\"...\") record NotARecord(...)`.");
  }

  @Test
  void aRecordWithoutTopicIsRefused() {
    assertThatThrownBy(() -> Model.of(NoTopic.class))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "Cannot build a model of io.flowodm.model.ModelTest$NoTopic: it has no @Topic. "
                + "Annotate the record with @Topic(\"topic-name\").");
    assertThatThrownBy(() -> Model.of(BlankTopic.class))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("ModelTest$BlankTopic: @Topic has an empty name. Give the topic a name.");
  }

  @Test
  void aRecordWithTwoKeysIsRefused() {
    assertThatThrownBy(() -> Model.of(TwoKeys.class))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "Cannot build a model of io.flowodm.model.ModelTest$TwoKeys: both first and second are annotated @Key. "
                + "A record has one key: keep @Key on one component.");
  }

  @Test
  void aRecordWithAnUnmappableComponentIsRefused() {
    assertThatThrownBy(() -> Model.of(Unmappable.class))
        .isInstanceOf(SchemaGenerationException.class)
        .hasMessageContaining("Unmappable.payload (java.lang.Object)")
        .hasMessageContaining("Object has no Avro type");
  }

  @Test
  void aModelCanUseSchemasWithUserMappers() {
    AvroSchemas schemas = AvroSchemas.builder().build();

    Model<Order> model = Model.of(Order.class, schemas);

    assertThat(model).isNotSameAs(Model.of(Order.class));
    assertThat(model.schema()).isEqualTo(schemas.schema(Order.class));
  }

  @Topic("amounts")
  record Amount(long cents, String currency) {}

  @Test
  void aRecordThatAUserMapperMapsItselfIsRefusedAsAModel() {
    AvroSchemas schemas =
        AvroSchemas.builder()
            .add(
                Amount.class,
                io.flowodm.schema.TypeMapping.converting(
                    io.flowodm.schema.AvroSchemas.standard().mapping(Event.class),
                    (Amount a) -> new Event(a.cents() + " " + a.currency()),
                    e -> new Amount(Long.parseLong(e.text().split(" ")[0]), e.text().split(" ")[1])))
            .build();

    assertThatThrownBy(() -> Model.of(Amount.class, schemas))
        .isInstanceOf(SchemaGenerationException.class)
        .hasMessageStartingWith(
            "Cannot generate an Avro schema for io.flowodm.model.ModelTest$Amount: a TypeMapper of this AvroSchemas"
                + " maps the record itself")
        .hasMessageContaining("the root of a schema must be a record mapped by FlowODM's record mapper");
  }

  @Topic(value = "payments.v2", subject = "payments-legacy-value")
  @AvroName("Paid")
  @io.flowodm.annotation.Namespace("com.acme.billing")
  record Paid(@Key String id, long cents) {}

  @Topic("payments.v2")
  @AvroName("Paid")
  @io.flowodm.annotation.Namespace("com.acme.billing")
  record PaidByStrategy(@Key String id, long cents) {}

  @Test
  void theSubjectIsNamedByTheStrategyFromTheTopicAndTheSchemasFullName() {
    Model<Order> orders = Model.of(Order.class);
    Model<PaidByStrategy> paid = Model.of(PaidByStrategy.class);

    assertThat(orders.subject(SubjectNameStrategy.TOPIC)).isEqualTo("orders-value");
    assertThat(orders.subject(SubjectNameStrategy.RECORD)).isEqualTo("io.flowodm.model.Order");
    assertThat(orders.subject(SubjectNameStrategy.TOPIC_RECORD)).isEqualTo("orders-io.flowodm.model.Order");
    assertThat(paid.subject(SubjectNameStrategy.TOPIC)).isEqualTo("payments.v2-value");
    assertThat(paid.subject(SubjectNameStrategy.RECORD)).isEqualTo("com.acme.billing.Paid");
    assertThat(paid.subject(SubjectNameStrategy.TOPIC_RECORD)).isEqualTo("payments.v2-com.acme.billing.Paid");
  }

  @Test
  void aStrategysSuffixIsAppendedToTheSubject() {
    Model<PaidByStrategy> paid = Model.of(PaidByStrategy.class);

    assertThat(paid.subject(SubjectNameStrategy.TOPIC.withSuffix("-v2"))).isEqualTo("payments.v2-value-v2");
    assertThat(paid.subject(SubjectNameStrategy.RECORD.withSuffix(".test"))).isEqualTo("com.acme.billing.Paid.test");
    assertThat(paid.subject(SubjectNameStrategy.TOPIC_RECORD.withSuffix("-x")))
        .isEqualTo("payments.v2-com.acme.billing.Paid-x");
  }

  @Test
  void aSubjectSetOnTopicWinsOverEveryStrategyAndSuffix() {
    Model<Paid> paid = Model.of(Paid.class);

    assertThat(paid.subject(SubjectNameStrategy.TOPIC)).isEqualTo("payments-legacy-value");
    assertThat(paid.subject(SubjectNameStrategy.RECORD)).isEqualTo("payments-legacy-value");
    assertThat(paid.subject(SubjectNameStrategy.TOPIC_RECORD.withSuffix("-v2"))).isEqualTo("payments-legacy-value");
  }
}
