package io.flowodm.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavaLiteralsTest {
  @Test
  void escapesQuotesBackslashesAndLineBreaks() {
    assertThat(JavaLiterals.string("say \"hi\" \\ \n\r\t\b\f")).isEqualTo("\"say \\\"hi\\\" \\\\ \\n\\r\\t\\b\\f\"");
  }

  @Test
  void writesOtherControlsInOctalSinceAUnicodeEscapeWouldBreakTheLine() {
    assertThat(JavaLiterals.string("\u0000\u0001\u001f\u007f")).isEqualTo("\"\\000\\001\\037\\177\"");
  }

  @Test
  void writesEverythingBeyondAsciiAsUnicodeEscapes() {
    assertThat(JavaLiterals.string("caf\u00e9 \ud83d\ude00")).isEqualTo("\"caf\\u00e9 \\ud83d\\ude00\"");
  }

  @Test
  void keepsATextualBackslashUAsTwoCharacters() {
    assertThat(JavaLiterals.string("\\u000a")).isEqualTo("\"\\\\u000a\"");
  }
}
