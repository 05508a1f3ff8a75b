package io.flowodm.registry;

import static io.flowodm.registry.Schemas.V1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.flowodm.test.EmbeddedSchemaRegistry;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP client against a registry that requires basic authentication. */
class RegistryAuthenticationIT {
  static final String USER = "ci-bot";
  static final String SECRET = "s3cr3t-Pa55word";
  static final String WRONG_SECRET = "not-the-Pa55word";

  static EmbeddedSchemaRegistry registry;

  @BeforeAll
  static void start() {
    registry = EmbeddedSchemaRegistry.builder().basicAuth(USER, SECRET).start();
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void withoutCredentialsTheAnswerIs401AndTheMessageSaysWhatToSet() {
    try (SchemaRegistryClient client = SchemaRegistryClient.create(RegistryConfig.of(registry.url()))) {
      assertThatThrownBy(() -> client.register("orders-value", V1))
          .asInstanceOf(type(SchemaRegistryException.class))
          .satisfies(e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.getMessage())
                .contains(registry.url(), "subject 'orders-value'")
                .contains("needs credentials: set basic.auth.user.info");
          });
    }
  }

  @Test
  void wrongCredentialsAre401AndTheMessageNeverShowsASecret() {
    Map<String, Object> props = Map.of(
        "schema.registry.url", registry.url(),
        "basic.auth.credentials.source", "USER_INFO",
        "basic.auth.user.info", USER + ":" + WRONG_SECRET);
    try (SchemaRegistryClient client = SchemaRegistryClient.create(RegistryConfig.fromProperties(props))) {
      assertThatThrownBy(() -> client.schemaById(1))
          .asInstanceOf(type(SchemaRegistryException.class))
          .satisfies(e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.getMessage())
                .contains("did not accept the credentials: check basic.auth.user.info")
                .doesNotContain(WRONG_SECRET, SECRET);
          });
    }
  }

  @Test
  void credentialsInTheUrlAreUsedAndHiddenFromMessages() {
    String url = registry.url().replace("http://", "http://" + USER + ":" + WRONG_SECRET + "@");
    try (SchemaRegistryClient client = SchemaRegistryClient.create(RegistryConfig.of(url))) {
      assertThatThrownBy(() -> client.subjects())
          .asInstanceOf(type(SchemaRegistryException.class))
          .satisfies(e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.getMessage()).contains(registry.url()).doesNotContain(WRONG_SECRET);
          });
    }
  }

  @Test
  void theRightCredentialsWork() {
    RegistryConfig config = RegistryConfig.builder().url(registry.url()).basicAuth(USER, SECRET).build();
    try (SchemaRegistryClient client = SchemaRegistryClient.create(config)) {
      int id = client.register("orders-value", V1);

      assertThat(client.schemaById(id)).isEqualTo(V1);
      assertThat(client.subjects()).contains("orders-value");
    }
    assertThat(config.toString()).doesNotContain(SECRET);
  }
}
