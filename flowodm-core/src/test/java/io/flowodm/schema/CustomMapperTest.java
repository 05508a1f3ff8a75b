package io.flowodm.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.SchemaGenerationException;
import io.flowodm.SerializationException;
import io.flowodm.annotation.AvroName;
import io.flowodm.annotation.Namespace;
import io.flowodm.codec.AvroCodec;
import io.flowodm.schema.golden.Nullable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/**
 * Users map their own types with a TypeMapper added through {@code AvroSchemas.builder()}: the
 * mapping gives schema, writer and reader, and nullability and collections of the type come for
 * free.
 */
class CustomMapperTest {

  /** A value class that is not a record, so only a user mapper can map it. */
  static final class Money {
    private final BigDecimal amount;
    private final String currency;

    Money(String amount, String currency) {
      this.amount = new BigDecimal(amount);
      this.currency = currency;
    }

    static Money parse(String text) {
      String[] parts = text.split(" ");
      return new Money(parts[0], parts[1]);
    }

    @Override
    public String toString() {
      return amount.toPlainString() + " " + currency;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Money m && m.amount.equals(amount) && m.currency.equals(currency);
    }

    @Override
    public int hashCode() {
      return Objects.hash(amount, currency);
    }
  }

  static final TypeMapper MONEY =
      (type, annotations, context) ->
          type == Money.class ? TypeMapping.converting(context.lookup(String.class), Money::toString, Money::parse) : null;

  @AvroName("Invoice")
  @Namespace("test.custom")
  record Invoice(
      String id, Money total, Optional<Money> discount, List<Money> lines, Map<String, Money> byTax, @Nullable Money tip) {}

  static final AvroSchemas WITH_MONEY = AvroSchemas.builder().add(MONEY).build();

  static final Money TEN = new Money("10.00", "EUR");

  @Test
  void aConvertingMapperGivesTheTypeTheSchemaOfWhatItConvertsTo() {
    Schema schema = WITH_MONEY.schema(Invoice.class);

    assertThat(schema.getField("total").schema().getType()).isEqualTo(Schema.Type.STRING);
    assertThat(schema.getField("discount").schema().toString()).isEqualTo("[\"null\",\"string\"]");
    assertThat(schema.getField("lines").schema().toString()).isEqualTo("{\"type\":\"array\",\"items\":\"string\"}");
    assertThat(schema.getField("byTax").schema().toString()).isEqualTo("{\"type\":\"map\",\"values\":\"string\"}");
    assertThat(schema.getField("tip").schema().toString()).isEqualTo("[\"null\",\"string\"]");
  }

  @Test
  void aMappedTypeRoundTripsAloneOptionalNullableAndInCollections() {
    AvroCodec<Invoice> codec = AvroCodec.of(Invoice.class, WITH_MONEY);
    Invoice full =
        new Invoice(
            "i-1", TEN, Optional.of(new Money("-1.5", "EUR")), List.of(TEN, new Money("0", "USD")), Map.of("vat", TEN), TEN);
    Invoice sparse = new Invoice("i-2", TEN, Optional.empty(), List.of(), Map.of(), null);

    assertThat(codec.decode(codec.encode(full))).isEqualTo(full);
    assertThat(codec.decode(codec.encode(sparse))).isEqualTo(sparse);
  }

  @Test
  void theBytesAreThoseAvroWritesForTheConvertedValues() throws IOException {
    AvroCodec<Invoice> codec = AvroCodec.of(Invoice.class, WITH_MONEY);
    Invoice invoice = new Invoice("i-3", TEN, Optional.of(TEN), List.of(TEN), Map.of("vat", TEN), null);
    Schema schema = codec.schema();
    var generic = new org.apache.avro.generic.GenericData.Record(schema);
    generic.put("id", "i-3");
    generic.put("total", "10.00 EUR");
    generic.put("discount", "10.00 EUR");
    generic.put("lines", List.of("10.00 EUR"));
    generic.put("byTax", Map.of("vat", "10.00 EUR"));
    generic.put("tip", null);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder out = EncoderFactory.get().binaryEncoder(bytes, null);
    new GenericDatumWriter<Object>(schema).write(generic, out);
    out.flush();

    assertThat(codec.encode(invoice)).isEqualTo(bytes.toByteArray());
  }

  @AvroName("Invoice")
  @Namespace("test.custom")
  record OldInvoice(String id, String total) {}

  @AvroName("Invoice")
  @Namespace("test.custom")
  record NewInvoice(String id, Money total) {}

  @Test
  void aConvertingMappingResolvesOlderDataLikeTheTypeItConvertsTo() {
    AvroCodec<OldInvoice> old = AvroCodec.of(OldInvoice.class);

    NewInvoice read = AvroCodec.of(NewInvoice.class, WITH_MONEY).decode(old.encode(new OldInvoice("i-4", "3 GBP")), old.schema());

    assertThat(read).isEqualTo(new NewInvoice("i-4", new Money("3", "GBP")));
  }

  @Test
  void withoutTheMapperTheTypeIsRefused() {
    assertThatThrownBy(() -> AvroSchemas.builder().build().schema(Invoice.class))
        .isInstanceOf(SchemaGenerationException.class)
        .hasMessageContaining("Invoice.total (io.flowodm.schema.CustomMapperTest$Money)")
        .hasMessageContaining("is a class, not a record, and no mapper handles it")
        .hasMessageContaining("add a TypeMapper for it");
  }

  /** A mapping written by hand against the Encoder and Decoder API. */
  static final class MoneyAsString extends TypeMapping<Money> {
    private final Schema schema = Schema.create(Schema.Type.STRING);

    @Override
    public Schema schema() {
      return schema;
    }

    @Override
    public void write(Money value, Encoder out) throws IOException {
      out.writeString(value.toString());
    }

    @Override
    public Money read(Decoder in) throws IOException {
      return Money.parse(in.readString());
    }
  }

  record Wallet(Money balance, List<Money> history, Optional<Money> pending) {}

  @Test
  void aHandWrittenMappingAddedForAClassRoundTrips() {
    AvroSchemas schemas = AvroSchemas.builder().add(Money.class, new MoneyAsString()).build();
    AvroCodec<Wallet> codec = AvroCodec.of(Wallet.class, schemas);
    Wallet wallet = new Wallet(TEN, List.of(TEN, TEN), Optional.of(TEN));

    assertThat(codec.decode(codec.encode(wallet))).isEqualTo(wallet);
    assertThat(codec.decode(codec.encode(new Wallet(TEN, List.of(), Optional.empty()))).pending()).isEmpty();
  }

  record Stamped(Instant at) {}

  @Test
  void userMappersAreAskedBeforeTheBuiltInOnes() {
    List<String> paths = new ArrayList<>();
    TypeMapper isoInstants =
        (type, annotations, context) -> {
          if (type != Instant.class) {
            return null;
          }
          paths.add(context.path());
          return TypeMapping.converting(context.lookup(String.class), Instant::toString, Instant::parse);
        };
    AvroSchemas schemas = AvroSchemas.builder().add(isoInstants).build();
    AvroCodec<Stamped> codec = AvroCodec.of(Stamped.class, schemas);
    Stamped stamped = new Stamped(Instant.parse("2024-01-01T00:00:00.123456789Z"));

    assertThat(codec.schema().getField("at").schema().getType()).isEqualTo(Schema.Type.STRING);
    assertThat(codec.decode(codec.encode(stamped))).isEqualTo(stamped);
    assertThat(paths).containsExactly("Stamped.at");
  }

  @Test
  void aMapperFailureNamesThePathAndTheMappersReason() {
    TypeMapper strict =
        (type, annotations, context) -> {
          if (type == Money.class) {
            throw context.fail("Money needs a currency annotation. Add @Currency(\"EUR\").");
          }
          return null;
        };

    assertThatThrownBy(() -> AvroSchemas.builder().add(strict).build().schema(Invoice.class))
        .isInstanceOf(SchemaGenerationException.class)
        .hasMessage(
            "Cannot generate an Avro schema for Invoice.total (io.flowodm.schema.CustomMapperTest$Money): "
                + "Money needs a currency annotation. Add @Currency(\"EUR\").");
  }

  record Holder(Money money) {}

  @Test
  void aConversionThatReturnsNullIsASerializationExceptionNamingThePath() {
    TypeMapper broken =
        (type, annotations, context) ->
            type == Money.class ? TypeMapping.converting(context.lookup(String.class), m -> null, Money::parse) : null;
    AvroCodec<Holder> codec = AvroCodec.of(Holder.class, AvroSchemas.builder().add(broken).build());

    assertThatThrownBy(() -> codec.encode(new Holder(TEN)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Holder.money the conversion of 10.00 EUR returned null");
  }

  /** A record that a service keeps as text, mapped by a user mapper wherever it is nested. */
  record Amount(BigDecimal value, String currency) {
    static Amount parse(String text) {
      String[] parts = text.split(" ");
      return new Amount(new BigDecimal(parts[0]), parts[1]);
    }

    String text() {
      return value.toPlainString() + " " + currency;
    }
  }

  static final TypeMapper AMOUNT_AS_TEXT =
      (type, annotations, context) ->
          type == Amount.class ? TypeMapping.converting(context.lookup(String.class), Amount::text, Amount::parse) : null;

  record Cart(String id, Amount total) {}

  @Test
  void aRecordClaimedByAUserMapperIsMappedByItWhereNested() {
    AvroSchemas schemas = AvroSchemas.builder().add(AMOUNT_AS_TEXT).build();
    AvroCodec<Cart> codec = AvroCodec.of(Cart.class, schemas);
    Cart cart = new Cart("c-1", new Amount(new BigDecimal("12.50"), "EUR"));

    assertThat(codec.schema().getField("total").schema().getType()).isEqualTo(Schema.Type.STRING);
    assertThat(codec.decode(codec.encode(cart))).isEqualTo(cart);
  }

  @Test
  void aRecordClaimedByAUserMapperCannotBeTheRootOfASchema() {
    AvroSchemas schemas = AvroSchemas.builder().add(AMOUNT_AS_TEXT).build();
    String expected =
        "Cannot generate an Avro schema for io.flowodm.schema.CustomMapperTest$Amount: a TypeMapper of this"
            + " AvroSchemas maps the record itself (to converted String as string), but the root of a schema must be"
            + " a record mapped by FlowODM's record mapper, with a name and fields. Use Amount as a component of"
            + " other records with this AvroSchemas, or generate its own schema with an AvroSchemas without that"
            + " mapper.";

    assertThatThrownBy(() -> schemas.schema(Amount.class))
        .isInstanceOf(SchemaGenerationException.class)
        .hasMessage(expected);
    assertThatThrownBy(() -> AvroCodec.of(Amount.class, schemas))
        .isInstanceOf(SchemaGenerationException.class)
        .hasMessage(expected);
    assertThat(schemas.schema(Cart.class).getField("total").schema().getType()).isEqualTo(Schema.Type.STRING);
  }

  @Test
  void aMapperThatAnswersForTheRootWithAnotherRecordsMappingIsRefusedToo() {
    TypeMapper swap =
        (type, annotations, context) -> type == Holder.class ? context.lookup(Stamped.class) : null;

    assertThatThrownBy(() -> AvroSchemas.builder().add(swap).build().schema(Holder.class))
        .isInstanceOf(SchemaGenerationException.class)
        .hasMessageContaining("maps the record itself (to record Stamped as io.flowodm.schema.Stamped)")
        .hasMessageContaining("the root of a schema must be a record mapped by FlowODM's record mapper");
  }
}
