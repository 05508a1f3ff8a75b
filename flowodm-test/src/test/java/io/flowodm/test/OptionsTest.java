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
