package io.flowodm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.flowodm.cli.models.Everything;
import io.flowodm.schema.AvroSchemas;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/** The JSON <-> Avro converter: every type of the mapping table both ways, and its error messages. */
class JsonAvroTest {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .setNodeFactory(new JsonNodeFactory(true));
  private static final Schema EVERYTHING = AvroSchemas.of(Everything.class);

  static final String FULL =
      """
      {"id":"e-1","flag":true,"count":-7,"big":9007199254740993,"ratio":1.5,"score":-2.25,"small":-128,"medium":32767,\
      "maybeInt":42,"maybeLong":null,"maybeDouble":0.5,"name":"Zoë ✓","blob":"AAEC/w==","color":"GREEN",\
      "uuid":"123e4567-e89b-12d3-a456-426614174000","at":"2024-05-01T10:15:30.123Z","atMicros":"2024-05-01T10:15:30.123456Z",\
      "atNanos":"2024-05-01T10:15:30.123456789Z","local":"2024-05-01T10:15:30.123","day":"2024-02-29","time":"23:59:59.999",\
      "timeMicros":"00:00:00.000001","price":12345678.90,"tags":["a","b"],"counts":{"x":1,"y":-2},\
      "address":{"street":"Main St 1","city":"Springfield","zip":"12345"},\
      "moreAddresses":[{"street":"A","city":"B","zip":null}],"note":null,\
      "billing":{"street":"C","city":"D","zip":null},"payment":{"number":"4111","expiryYear":2030}}""";

  @Test
  void everyTypeOfTheMappingTableRoundTripsThroughAvroBytes() throws Exception {
    JsonNode in = JSON.readTree(FULL);
    GenericRecord record = (GenericRecord) JsonAvro.toAvro(in, EVERYTHING);
    GenericRecord back = readBack(record);
    JsonNode out = JsonAvro.toJson(back, EVERYTHING);
    // The same text: the numbers' node classes differ (a parsed 1.5 is a BigDecimal, a float field's a float).
    assertThat(out.toString()).isEqualTo(in.toString());
  }

  @Test
  void aUnionOfRecordsTakesTheBranchWhoseFieldsMatch() throws Exception {
    Schema payment = EVERYTHING.getField("payment").schema();
    GenericRecord cash = (GenericRecord) JsonAvro.toAvro(JSON.readTree("{\"currency\":\"EUR\"}"), payment);
    assertThat(cash.getSchema().getName()).isEqualTo("Cash");
    GenericRecord card = (GenericRecord) JsonAvro.toAvro(JSON.readTree("{\"number\":\"1\",\"expiryYear\":2030}"), payment);
    assertThat(card.getSchema().getName()).isEqualTo("Card");
  }

  @Test
  void aUnionBranchCanBeNamedWhenTheFieldsFitSeveral() throws Exception {
    Schema union = new Schema.Parser().parse(
        """
        [{"type":"record","name":"A","namespace":"n","fields":[{"name":"x","type":"int"}]},
         {"type":"record","name":"B","namespace":"n","fields":[{"name":"x","type":"int"}]}]
        """);
    assertThatThrownBy(() -> JsonAvro.toAvro(JSON.readTree("{\"x\":1}"), union))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("fits more than one record of the union [n.A, n.B]; name the one you mean: {\"n.A\": {...}}");
    GenericRecord b = (GenericRecord) JsonAvro.toAvro(JSON.readTree("{\"n.B\":{\"x\":1}}"), union);
    assertThat(b.getSchema().getFullName()).isEqualTo("n.B");
    GenericRecord a = (GenericRecord) JsonAvro.toAvro(JSON.readTree("{\"A\":{\"x\":1}}"), union);
    assertThat(a.getSchema().getFullName()).isEqualTo("n.A");
  }

  @Test
  void aMixedUnionTakesTheFirstBranchTheValueFits() throws Exception {
    Schema union = new Schema.Parser().parse("[\"null\", \"int\", \"string\"]");
    assertThat(JsonAvro.toAvro(JSON.readTree("7"), union)).isEqualTo(7);
    assertThat(JsonAvro.toAvro(JSON.readTree("\"7\""), union)).isEqualTo("7");
    assertThat(JsonAvro.toAvro(JSON.readTree("null"), union)).isNull();
    assertThat(JsonAvro.toJson(7, union)).isEqualTo(JSON.readTree("7"));
    assertThat(JsonAvro.toJson("7", union)).isEqualTo(JSON.readTree("\"7\""));
  }

  @Test
  void decimalsKeepTheirExactDigitsAndAreNeverRounded() throws Exception {
    Schema price = EVERYTHING.getField("price").schema();
    Object fromString = JsonAvro.toAvro(JSON.readTree("\"0.10\""), price);
    Object fromNumber = JsonAvro.toAvro(JSON.readTree("0.1"), price);
    assertThat(fromString).isEqualTo(fromNumber);
    assertThat(JsonAvro.toJson(fromNumber, price).toString()).isEqualTo("0.10");
    assertThatThrownBy(() -> JsonAvro.toAvro(JSON.readTree("0.125"), price))
        .hasMessage("0.125 has more than 2 decimal places (a decimal number (precision 12, scale 2) as a JSON number or string); it is not rounded.");
    assertThatThrownBy(() -> JsonAvro.toAvro(JSON.readTree("\"12345678901.5\""), price))
        .hasMessageContaining("has more than 12 digits");
  }

  @Test
  void timestampsRefuseMorePrecisionThanTheyKeep() throws Exception {
    Schema at = EVERYTHING.getField("at").schema();
    assertThatThrownBy(() -> JsonAvro.toAvro(JSON.readTree("\"2024-05-01T10:15:30.1234Z\""), at))
        .hasMessageContaining("expected an instant with at most millisecond precision (timestamp-millis)");
    assertThat(JsonAvro.toAvro(JSON.readTree("\"2024-05-01T12:15:30+02:00\""), at)).isEqualTo(1714558530000L);
    assertThat(JsonAvro.toAvro(JSON.readTree("1714558530000"), at)).isEqualTo(1714558530000L);
  }

  @Test
  void errorsNameTheFieldPathWhatWasExpectedAndWhatCame() throws Exception {
    assertError(FULL.replace("\"count\":-7", "\"count\":\"seven\""), "count", "expected a whole number from -2147483648 to 2147483647 (int), got the string \"seven\".");
    assertError(FULL.replace("\"color\":\"GREEN\"", "\"color\":\"PINK\""), "color", "expected one of the symbols [RED, GREEN, BLUE] of enum Color, got the string \"PINK\".");
    assertError(FULL.replace("\"city\":\"B\"", "\"city\":7"), "moreAddresses[0].city", "expected a string, got the number 7.");
    assertError(FULL.replace("\"y\":-2", "\"y\":\"minus two\""), "counts.y", "expected a whole number (long), got the string \"minus two\".");
    assertError(FULL.replace("\"day\":\"2024-02-29\"", "\"day\":\"2023-02-29\""), "day", "expected an ISO-8601 date such as \"2024-05-01\", got the string \"2023-02-29\".");
    assertError(FULL.replace("\"uuid\":\"123e4567-e89b-12d3-a456-426614174000\"", "\"uuid\":\"nope\""), "uuid", "expected a UUID such as \"123e4567-e89b-12d3-a456-426614174000\", got the string \"nope\".");
    assertError(FULL.replace("\"blob\":\"AAEC/w==\"", "\"blob\":\"***\""), "blob", "expected base64 text (bytes), got the string \"***\".");
    assertError(FULL.replace("\"name\":\"Zoë ✓\",", ""), "name", "missing, and it has no default: give it a value of type string.");
    assertError(FULL.replace("\"id\":\"e-1\"", "\"id\":\"e-1\",\"extra\":1"), "extra", "record Everything has no such field; its fields are [id, flag,");
    assertError(FULL.replace("\"payment\":{\"number\":\"4111\",\"expiryYear\":2030}", "\"payment\":{\"iban\":\"DE\"}"), "payment", "expected one of [record Card, record Cash], got an object.");
    assertError(FULL.replace("\"address\":{\"street\":\"Main St 1\",\"city\":\"Springfield\",\"zip\":\"12345\"}", "\"address\":null"), "address", "expected an object (record Address), got null.");
  }

  @Test
  void optionalFieldsMayBeLeftOutAndTakeTheirDefault() throws Exception {
    String without = FULL.replace("\"note\":null,", "").replace("\"maybeLong\":null,", "");
    GenericRecord r = (GenericRecord) JsonAvro.toAvro(JSON.readTree(without), EVERYTHING);
    assertThat(r.get("note")).isNull();
    assertThat(r.get("maybeLong")).isNull();
  }

  @Test
  void bytesAreBase64BothWays() throws Exception {
    Schema bytes = Schema.create(Schema.Type.BYTES);
    Object b = JsonAvro.toAvro(JSON.readTree("\"AAEC/w==\""), bytes);
    assertThat(b).isEqualTo(ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 0xff}));
    assertThat(JsonAvro.toJson(b, bytes).textValue()).isEqualTo("AAEC/w==");
  }

  private static void assertError(String json, String path, String message) {
    assertThatThrownBy(() -> JsonAvro.toAvro(JSON.readTree(json), EVERYTHING))
        .isInstanceOfSatisfying(JsonDataException.class, e -> {
          assertThat(e.path()).isEqualTo(path);
          assertThat(e.describe()).startsWith("field `" + path + "`: " + message);
        });
  }

  private static GenericRecord readBack(GenericRecord record) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder enc = EncoderFactory.get().binaryEncoder(bytes, null);
    new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, enc);
    enc.flush();
    return new GenericDatumReader<GenericRecord>(record.getSchema())
        .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
  }
}
