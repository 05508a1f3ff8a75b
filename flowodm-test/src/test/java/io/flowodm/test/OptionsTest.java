package io.flowodm.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OptionsTest {

  @Test
  void everyOptionIsRead() {
    try (EmbeddedSchemaRegistry registry =
        Options.parse(new String[] {"--port", "0", "--basic-auth", "u:p:w", "--compatibility", "full"}).start()) {
      assertThat(new RegistryHttp(registry.url()).get("/config").status()).isEqualTo(401);
      assertThat(new RegistryHttp(registry.url()).as("u", "p:w").get("/config").body())
          .isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
    }
  }

  @Test
  void theHostOptionBindsAnotherAddressAndEveryInterfaceIsReachedOnLoopback() {
    try (EmbeddedSchemaRegistry registry = Options.parse(new String[] {"--port", "0", "--host", "0.0.0.0"}).start()) {
      assertThat(registry.url()).isEqualTo("http://127.0.0.1:" + registry.port());
      assertThat(new RegistryHttp(registry.url()).get("/subjects").body()).isEqualTo("[]");
    }
    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.builder().host("localhost").start()) {
      assertThat(registry.url()).isEqualTo("http://127.0.0.1:" + registry.port());
      assertThat(new RegistryHttp(registry.url()).get("/subjects").status()).isEqualTo(200);
    }
  }

  @Test
  void anUnknownHostIsNamed() {
    assertThatThrownBy(() -> EmbeddedSchemaRegistry.builder().host("no-such-host.invalid").start())
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining("Cannot start the embedded schema registry on no-such-host.invalid:0: unknown host")
        .hasMessageContaining("Give an address such as 127.0.0.1 or 0.0.0.0.");
    assertThatThrownBy(() -> Options.parse(new String[] {"--host", " "}))
        .hasMessageContaining("The host is blank");
  }

  @Test
  void badArgumentsAreNamed() {
    assertThatThrownBy(() -> Options.parse(new String[] {"--port"}))
        .hasMessage("Option --port needs a value.");
    assertThatThrownBy(() -> Options.parse(new String[] {"--port", "eighty"}))
        .hasMessage("--port takes a number, not \"eighty\".");
    assertThatThrownBy(() -> Options.parse(new String[] {"--port", "70000"}))
        .hasMessageStartingWith("Port 70000 is out of range");
    assertThatThrownBy(() -> Options.parse(new String[] {"--basic-auth", "nocolon"}))
        .hasMessage("--basic-auth takes user:password, not \"nocolon\".");
    assertThatThrownBy(() -> Options.parse(new String[] {"--compatibility", "sideways"}))
        .hasMessageStartingWith("Unknown compatibility level \"sideways\"");
    assertThatThrownBy(() -> Options.parse(new String[] {"--verbose", "yes"}))
        .hasMessage("Unknown option --verbose.");
  }
}
