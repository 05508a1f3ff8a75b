package io.flowodm.serde;

import static io.flowodm.serde.FlowSerdeIT.decode;
import static io.flowodm.serde.Fixture.idOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.ConfigurationException;
import io.flowodm.SerializationException;
import io.flowodm.annotation.Topic;
import io.flowodm.registry.RegisteredSchema;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.registry.SubjectNameStrategy;
import io.flowodm.schema.AvroSchemas;
import io.flowodm.test.EmbeddedSchemaRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Confluent serializer settings FlowSerializer honours, and configuring serdes by class name. */
class FlowSerdeSettingsIT {
  static EmbeddedSchemaRegistry registry;
  Fixture fixture;
  SchemaRegistryClient view;

  /** A model whose @Topic names its subject. */
  @Topic(value = "payments", subject = "payments-by-hand")
  record Payment(String id, long cents) {}

  @BeforeAll
  static void start() {
    registry = EmbeddedSchemaRegistry.start();
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @BeforeEach
  void reset() {
    registry.reset();
    fixture = new Fixture(registry);
    view = fixture.registryView();
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void withoutAutoRegisterAnUnregisteredSchemaIsAnErrorNamingTheSubjectAndNothingIsRegistered() {
    FlowSerializer<Orders.V1> serializer = fixture.serializer(Orders.V1.class,
        "auto.register.schemas", "false", "use.latest.version", false);

    assertThatThrownBy(() -> serializer.serialize("orders", new Orders.V1("o-1", 1)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not registered under subject orders-value, which does not exist")
        .hasMessageContaining("auto.register.schemas is false")
        .hasMessageContaining("Register the model's schema under orders-value first");
    assertThat(view.subjects()).isEmpty();
  }

  @Test
  void withoutAutoRegisterOrLatestASubjectHoldingAnotherVersionIsNeverWrittenUnder() {
    RegisteredSchema older = registered("orders-value", Orders.V1.class);
    FlowSerializer<Orders.V2> serializer = fixture.serializer(Orders.V2.class,
        "auto.register.schemas", false, "use.latest.version", false);

    assertThatThrownBy(() -> serializer.serialize("orders", new Orders.V2("o-1", 1, "rush")))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("The schema of " + Orders.V2.class.getName() + " is not registered under"
            + " subject orders-value, whose latest version 1 (id " + older.id() + ") is another schema"
            + " (topic orders). auto.register.schemas is false and use.latest.version is false, so"
            + " nothing is written under another schema.")
        .hasMessageContaining("Register the model's schema under orders-value first (flowodm"
            + " upload-schema, or SchemaRegistryClient.register), set auto.register.schemas=true to"
            + " register it on first use, or set use.latest.version=true to write with the subject's"
            + " latest schema when that can hold the model's data.");
    assertThat(view.versions("orders-value")).containsExactly(1);
    assertThat(view.latest("orders-value").schema()).isEqualTo(AvroSchemas.of(Orders.V1.class));
  }

  @Test
  void aRefusalIsRememberedForTheLatestTtlSoEveryRecordDoesNotAskTheRegistry() {
    registered("orders-value", Orders.V1.class);
    FlowSerializer<Orders.V2> serializer = fixture.serializer(Orders.V2.class, "auto.register.schemas", false);
    long before = registry.requestCount();

    for (int i = 0; i < 20; i++) {
      assertThatThrownBy(() -> serializer.serialize("orders", new Orders.V2("o-1", 1, "rush")))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("not registered under subject orders-value")
          .hasMessageEndingWith("This answer is kept for 60 s (latest.cache.ttl.sec) before the registry is asked again.");
    }

    // One lookup that found nothing, one read of the latest version for the message.
    assertThat(registry.requestCount() - before).isEqualTo(2);
  }

  @Test
  void withALatestTtlOfZeroARefusalIsNotRememberedAndARegistrationIsSeenAtOnce() {
    registered("orders-value", Orders.V1.class);
    FlowSerializer<Orders.V2> serializer = fixture.serializer(Orders.V2.class,
        "auto.register.schemas", false, "latest.cache.ttl.sec", 0);
    long before = registry.requestCount();

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> serializer.serialize("orders", new Orders.V2("o-1", 1, "rush")))
          .isInstanceOf(SerializationException.class)
          .hasMessageEndingWith("or set use.latest.version=true to write with the subject's latest"
              + " schema when that can hold the model's data.");
    }
    assertThat(registry.requestCount() - before).isEqualTo(6);

    int id = view.register("orders-value", AvroSchemas.of(Orders.V2.class));
    assertThat(idOf(serializer.serialize("orders", new Orders.V2("o-1", 1, "rush")))).isEqualTo(id);
  }

  @Test
  void useLatestVersionWritesANewerModelWithAnOlderLatestSchemaThatCanHoldItDroppingTheNewField() {
    RegisteredSchema older = registered("orders-value", Orders.V1.class);
    FlowSerializer<Orders.V2> serializer = fixture.serializer(Orders.V2.class,
        "auto.register.schemas", false, "use.latest.version", true);

    byte[] frame = serializer.serialize("orders", new Orders.V2("o-2", 20, "rush"));

    assertThat(idOf(frame)).isEqualTo(older.id());
    GenericRecord written = decode(AvroSchemas.of(Orders.V1.class), frame);
    assertThat(written.get("id").toString()).isEqualTo("o-2");
    assertThat(written.get("amount")).isEqualTo(20L);
    assertThat(view.versions("orders-value")).containsExactly(1);
  }

  @Test
  void useLatestVersionRefusesAnOlderLatestSchemaThatCannotHoldTheModelAndWritesNothing() {
    RegisteredSchema older = registered("orders-value", Orders.V0.class);
    FlowSerializer<Orders.V1> serializer = fixture.serializer(Orders.V1.class,
        "auto.register.schemas", false, "use.latest.version", true);
    long before = registry.requestCount();

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> serializer.serialize("orders", new Orders.V1("o-3", 30)))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("use.latest.version is true, but the latest schema of subject orders-value"
              + " (version 1, id " + older.id() + ") cannot hold the data of " + Orders.V1.class.getName()
              + " (topic orders)")
          .hasMessageContaining("`channel`")
          .hasMessageContaining("Update the model to match the registry, or set use.latest.version=false.");
    }
    assertThat(registry.requestCount() - before).isEqualTo(1);
    assertThat(view.versions("orders-value")).containsExactly(1);
  }

  @Test
  void aSuffixCanBeSetFromStringSettingsForKeysAndValues() {
    fixture.serializer(Orders.V1.class, "flowodm.value.subject.suffix", "-v2").serialize("orders", new Orders.V1("o-1", 1));
    FlowSerializer<Orders.OrderKey> keys = new FlowSerializer<>(Orders.OrderKey.class);
    keys.configure(fixture.props("key.subject.name.strategy", "record", "flowodm.key.subject.suffix", "-v3"), true);
    try (keys) {
      keys.serialize("orders", new Orders.OrderKey("eu", 1));
    }

    assertThat(view.subjects()).containsExactlyInAnyOrder("orders-value-v2", "com.acme.OrderKey-v3");
    assertThatThrownBy(() -> fixture.serializer(Orders.V1.class,
            "value.subject.name.strategy", SubjectNameStrategy.TOPIC.withSuffix("-a"),
            "flowodm.value.subject.suffix", "-b"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("value.subject.name.strategy is TOPIC+\"-a\", with the suffix \"-a\", and"
            + " flowodm.value.subject.suffix is \"-b\": set the suffix in one place only.");
  }

  @Test
  void withoutAutoRegisterAnAlreadyRegisteredSchemaIsUsedWithoutANewVersion() {
    int id = view.register("orders-value", AvroSchemas.of(Orders.V1.class));
    FlowSerializer<Orders.V1> serializer =
        fixture.serializer(Orders.V1.class, "auto.register.schemas", false);

    byte[] frame = serializer.serialize("orders", new Orders.V1("o-1", 1));

    assertThat(idOf(frame)).isEqualTo(id);
    assertThat(view.versions("orders-value")).containsExactly(1);
  }

  @Test
  void useLatestVersionWritesAnOlderModelWithTheLatestSchemaWhenThatCanHoldIt() {
    int latestId = view.register("orders-value", AvroSchemas.of(Orders.V2.class));
    FlowSerializer<Orders.V1> serializer = fixture.serializer(Orders.V1.class,
        "auto.register.schemas", false, "use.latest.version", true);

    byte[] frame = serializer.serialize("orders", new Orders.V1("o-7", 70));

    assertThat(idOf(frame)).isEqualTo(latestId);
    GenericRecord written = decode(AvroSchemas.of(Orders.V2.class), frame);
    assertThat(written.get("id").toString()).isEqualTo("o-7");
    assertThat(written.get("amount")).isEqualTo(70L);
    assertThat(written.get("note").toString()).isEqualTo("none");
    assertThat(fixture.deserializer(Orders.V2.class).deserialize("orders", frame))
        .isEqualTo(new Orders.V2("o-7", 70, "none"));
    assertThat(view.versions("orders-value")).containsExactly(1);
  }

  @Test
  void useLatestVersionRefusesALatestSchemaThatCannotHoldTheModel() {
    RegisteredSchema latest = registered("orders-value", Orders.V3.class);
    FlowSerializer<Orders.V1> serializer =
        fixture.serializer(Orders.V1.class, "use.latest.version", "true");

    assertThatThrownBy(() -> serializer.serialize("orders", new Orders.V1("o-8", 80)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("use.latest.version is true")
        .hasMessageContaining("subject orders-value (version 1, id " + latest.id() + ")")
        .hasMessageContaining(Orders.V1.class.getName())
        .hasMessageContaining("the new schema adds field `region` without a default")
        .hasMessageContaining("latest schema (\"the new schema\" below)")
        .hasMessageContaining("Give `region` a default. Update the model to match the registry,"
            + " or set use.latest.version=false.");
  }

  @Test
  void useLatestVersionOnASubjectThatDoesNotExistNamesTheSubject() {
    FlowSerializer<Orders.V1> serializer =
        fixture.serializer(Orders.V1.class, "use.latest.version", true);

    assertThatThrownBy(() -> serializer.serialize("orders", new Orders.V1("o-9", 90)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("topic orders (subject orders-value)")
        .hasMessageContaining("Subject 'orders-value' not found");
  }

  @Test
  void theRecordStrategyNamesTheSubjectAfterTheSchemaWhateverTheTopic() {
    FlowSerializer<Orders.V1> serializer = fixture.serializer(Orders.V1.class,
        "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy");

    byte[] a = serializer.serialize("orders", new Orders.V1("o-1", 1));
    byte[] b = serializer.serialize("orders-replay", new Orders.V1("o-1", 1));

    assertThat(view.subjects()).containsExactly("com.acme.Order");
    assertThat(idOf(a)).isEqualTo(idOf(b)).isEqualTo(view.latest("com.acme.Order").id());
  }

  @Test
  void theTopicRecordStrategyJoinsTopicAndSchemaName() {
    fixture.serializer(Orders.V1.class, "value.subject.name.strategy", "TopicRecordNameStrategy")
        .serialize("orders", new Orders.V1("o-1", 1));

    assertThat(view.subjects()).containsExactly("orders-com.acme.Order");
  }

  @Test
  void aStrategyWithASuffixCanBeGivenAsTheSettingsValue() {
    fixture.serializer(Orders.V1.class,
            "value.subject.name.strategy", SubjectNameStrategy.TOPIC.withSuffix("-v2"))
        .serialize("orders", new Orders.V1("o-1", 1));

    assertThat(view.subjects()).containsExactly("orders-value-v2");
  }

  @Test
  void anUnknownStrategyIsAConfigurationErrorListingTheValidOnes() {
    assertThatThrownBy(() -> fixture.serializer(Orders.V1.class,
            "value.subject.name.strategy", "com.acme.MyStrategy"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("com.acme.MyStrategy")
        .hasMessageContaining("topic, record, topic_record");
  }

  @Test
  void theSubjectInTopicWinsForItsOwnTopicOnly() {
    FlowSerializer<Payment> serializer = fixture.serializer(Payment.class);

    serializer.serialize("payments", new Payment("p-1", 100));
    serializer.serialize("payments-audit", new Payment("p-1", 100));

    assertThat(view.subjects()).containsExactlyInAnyOrder("payments-by-hand", "payments-audit-value");
  }

  @Test
  void serdesMadeByClassNameReadTheRecordClassFromTheSettings() {
    Map<String, Object> props = fixture.props("flowodm.value.type", Orders.V1.class.getName());
    try (FlowSerializer<Object> serializer = new FlowSerializer<>();
        FlowDeserializer<Object> deserializer = new FlowDeserializer<>()) {
      serializer.configure(props, false);
      deserializer.configure(props, false);

      byte[] frame = serializer.serialize("orders", new Orders.V1("o-1", 5));

      assertThat(deserializer.deserialize("orders", frame)).isEqualTo(new Orders.V1("o-1", 5));
    }
  }

  @Test
  void aMissingOrUnknownRecordClassIsAConfigurationErrorNamingTheSetting() {
    try (FlowSerializer<Object> serializer = new FlowSerializer<>()) {
      assertThatThrownBy(() -> serializer.configure(fixture.props(), false))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("flowodm.value.type");
      assertThatThrownBy(() -> serializer.configure(fixture.props("flowodm.key.type", "com.acme.Nope"), true))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("flowodm.key.type names com.acme.Nope, which is not on the classpath");
    }
  }

  @Test
  void aSettingThatIsNotABooleanIsNamed() {
    assertThatThrownBy(() -> fixture.serializer(Orders.V1.class, "auto.register.schemas", "yes"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("auto.register.schemas must be true or false, not \"yes\"");
  }

  @Test
  void aRegistryThatCannotBeReachedFailsTheFirstSerializationNamingTopicSubjectAndUrl()
      throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    FlowSerializer<Orders.V1> serializer = new FlowSerializer<>(Orders.V1.class);
    serializer.configure(Map.of("schema.registry.url", "http://127.0.0.1:" + port, "max.retries", 0), false);
    try (serializer) {
      assertThatThrownBy(() -> serializer.serialize("orders", new Orders.V1("o-1", 1)))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("topic orders (subject orders-value)")
          .hasMessageContaining("Cannot reach the Schema Registry at http://127.0.0.1:" + port);
    }
  }

  private RegisteredSchema registered(String subject, Class<?> model) {
    view.register(subject, AvroSchemas.of(model));
    return view.latest(subject);
  }
}
