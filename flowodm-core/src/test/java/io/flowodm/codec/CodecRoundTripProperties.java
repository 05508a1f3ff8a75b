package io.flowodm.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.annotation.AvroDefault;
import io.flowodm.annotation.Decimal;
import io.flowodm.annotation.TimePrecision;
import io.flowodm.annotation.Timestamp;
import io.flowodm.schema.golden.Nullable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Random values of every mapped type round-trip through the codec, and Avro is the oracle: its
 * GenericDatumWriter writes identical bytes for the equivalent GenericRecord, its
 * GenericDatumReader reads our bytes, and our encoder driven through Avro's BinaryEncoder writes
 * the same bytes again.
 */
class CodecRoundTripProperties {

  record Scalars(
      boolean flag,
      int count,
      long total,
      float ratio,
      double amount,
      byte small,
      short medium,
      String name,
      CharSequence text,
      byte[] blob,
      ByteBuffer buffer) {}

  record Boxes(
      Boolean flag,
      Integer count,
      Long total,
      Float ratio,
      Double amount,
      Byte small,
      Short medium,
      Optional<String> name,
      Optional<Integer> age,
      OptionalInt floor,
      OptionalLong visits,
      OptionalDouble score,
      @Nullable String note,
      @AvroDefault("7") Integer seven,
      @AvroDefault("\"web\"") Optional<String> channel) {}

  record Times(
      UUID id,
      Instant millis,
      @Timestamp(TimePrecision.MICROS) Instant micros,
      @Timestamp(TimePrecision.NANOS) Instant nanos,
      LocalDateTime localMillis,
      @Timestamp(TimePrecision.MICROS) LocalDateTime localMicros,
      @Timestamp(TimePrecision.NANOS) LocalDateTime localNanos,
      LocalDate day,
      LocalTime time,
      @Timestamp(TimePrecision.MICROS) LocalTime timeMicros) {}

  record Decimals(
      @Decimal(precision = 1, scale = 0) BigDecimal digit,
      @Decimal(precision = 9, scale = 2) BigDecimal price,
      @Decimal(precision = 38, scale = 10) BigDecimal wide,
      @Decimal(precision = 4, scale = 4) BigDecimal fraction,
      @Decimal(precision = 18, scale = 3) List<BigDecimal> amounts,
      @Decimal(precision = 5, scale = 1) Optional<BigDecimal> maybe) {}

  record Containers(
      List<String> tags,
      Set<Integer> ids,
      Collection<Long> counts,
      String[] names,
      int[] ints,
      double[] weights,
      Integer[] sparse,
      Map<String, Double> rates,
      List<List<String>> matrix,
      Map<String, List<Integer>> groups,
      List<Optional<String>> gaps,
      Map<String, Optional<Long>> maybe,
      @Timestamp(TimePrecision.MICROS) List<Instant> moments) {}

  enum Color {
    RED,
    GREEN,
    BLUE
  }

  sealed interface Shape permits Circle, Square, Group {}

  record Circle(double radius) implements Shape {}

  record Square(float side, Color color) implements Shape {}

  record Group(String label, List<Shape> members) implements Shape {}

  record Tree(String name, List<Tree> children, Optional<Tree> left) {}

  record Line(String sku, int quantity, @Decimal(precision = 9, scale = 2) BigDecimal price) {}

  record Nested(
      Color color,
      Optional<Color> maybeColor,
      Shape shape,
      Optional<Shape> maybeShape,
      List<Shape> shapes,
      Tree tree,
      Map<String, Line> lines,
      @Nullable Line extra) {}

  @AvroDefault("\"UNKNOWN\"")
  enum Status {
    NEW,
    PAID,
    UNKNOWN
  }

  record Extras(
      Status status,
      Optional<Status> maybeStatus,
      List<Status> history,
      @AvroDefault("\"PAID\"") Status withFieldDefault,
      Map<CharSequence, Integer> labels,
      Map<CharSequence, List<String>> groups,
      @io.flowodm.schema.golden.other.Nullable String remark,
      @io.flowodm.schema.golden.other.Nullable Line line,
      @io.flowodm.schema.golden.other.Nullable Long declaredBox,
      @Nullable Integer annotatedBox) {}

  /** Type-use annotations inside type arguments and array types, as in the golden TypeArguments. */
  record TypeArgs(
      List<@Nullable String> notes,
      Set<@Nullable Integer> maybeIds,
      Map<String, @Nullable Long> counts,
      List<@Nullable Line> lines,
      List<@Decimal(precision = 10, scale = 2) BigDecimal> prices,
      Optional<@Timestamp(TimePrecision.MICROS) Instant> seenAt,
      Map<String, List<@Timestamp(TimePrecision.NANOS) LocalDateTime>> history,
      List<@Timestamp(TimePrecision.MICROS) LocalTime> alarms,
      @Nullable String[] aliases,
      String @Nullable [] labels,
      @Decimal(precision = 8, scale = 3) List<@Decimal(precision = 4, scale = 1) BigDecimal> overridden,
      @Timestamp(TimePrecision.MICROS) List<Optional<Instant>> inherited) {}

  record Text(String text, CharSequence sequence, List<String> words, Map<String, String> byKey, Optional<String> maybe) {}

  static <T> void assertRoundTripsAndMatchesAvro(T value) {
    @SuppressWarnings("unchecked")
    AvroCodec<T> codec = AvroCodec.of((Class<T>) value.getClass());
    Schema schema = codec.schema();

    byte[] ours = codec.encode(value);

    Values.assertDeepEquals(codec.decode(ours), value);
    assertThat(codec.encode(value)).as("a second encode of the same value").isEqualTo(ours);
    Object generic = AvroOracle.toGeneric(value, schema);
    assertThat(ours).as("our bytes against Avro's GenericDatumWriter").isEqualTo(AvroOracle.write(generic, schema));
    Object read = AvroOracle.read(ours, schema, schema);
    assertThat(AvroOracle.plain(read))
        .as("what Avro's GenericDatumReader read of our bytes")
        .isEqualTo(AvroOracle.plain(generic));
    assertThat(throughBinaryEncoder(codec, value)).as("encode(T, BinaryEncoder)").isEqualTo(ours);
  }

  static <T> byte[] throughBinaryEncoder(AvroCodec<T> codec, T value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder out = EncoderFactory.get().binaryEncoder(bytes, null);
    codec.encode(value, out);
    try {
      out.flush();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return bytes.toByteArray();
  }

  @Property
  void scalarsRoundTripAndMatchAvro(
      @ForAll boolean flag,
      @ForAll int count,
      @ForAll long total,
      @ForAll("floats") float ratio,
      @ForAll("doubles") double amount,
      @ForAll byte small,
      @ForAll short medium,
      @ForAll("text") String name,
      @ForAll("text") String text,
      @ForAll("bytes") byte[] blob,
      @ForAll("buffers") ByteBuffer buffer) {
    assertRoundTripsAndMatchesAvro(new Scalars(flag, count, total, ratio, amount, small, medium, name, text, blob, buffer));
  }

  @Property
  void boxedAndOptionalValuesRoundTripAndMatchAvro(
      @ForAll("maybeBooleans") Boolean flag,
      @ForAll("maybeInts") Integer count,
      @ForAll("maybeLongs") Long total,
      @ForAll("maybeFloats") Float ratio,
      @ForAll("maybeDoubles") Double amount,
      @ForAll("maybeBytes") Byte small,
      @ForAll("maybeShorts") Short medium,
      @ForAll("maybeText") Optional<String> name,
      @ForAll("maybeInts") Integer age,
      @ForAll("maybeInts") Integer floor,
      @ForAll("maybeLongs") Long visits,
      @ForAll("maybeDoubles") Double score,
      @ForAll("maybeText") Optional<String> note,
      @ForAll("maybeInts") Integer seven,
      @ForAll("maybeText") Optional<String> channel) {
    assertRoundTripsAndMatchesAvro(
        new Boxes(
            flag,
            count,
            total,
            ratio,
            amount,
            small,
            medium,
            name,
            Optional.ofNullable(age),
            floor == null ? OptionalInt.empty() : OptionalInt.of(floor),
            visits == null ? OptionalLong.empty() : OptionalLong.of(visits),
            score == null ? OptionalDouble.empty() : OptionalDouble.of(score),
            note.orElse(null),
            seven,
            channel));
  }

  @Property
  void timesAndUuidsRoundTripAndMatchAvro(
      @ForAll("uuids") UUID id,
      @ForAll("millis") Instant millis,
      @ForAll("micros") Instant micros,
      @ForAll("nanos") Instant nanos,
      @ForAll("millis") Instant localMillis,
      @ForAll("micros") Instant localMicros,
      @ForAll("nanos") Instant localNanos,
      @ForAll("dates") LocalDate day,
      @ForAll("timesMillis") LocalTime time,
      @ForAll("timesMicros") LocalTime timeMicros) {
    assertRoundTripsAndMatchesAvro(
        new Times(
            id,
            millis,
            micros,
            nanos,
            Generators.local(localMillis),
            Generators.local(localMicros),
            Generators.local(localNanos),
            day,
            time,
            timeMicros));
  }

  @Property
  void decimalsWithinTheirPrecisionRoundTripAndMatchAvro(
      @ForAll("digits") BigDecimal digit,
      @ForAll("prices") BigDecimal price,
      @ForAll("wide") BigDecimal wide,
      @ForAll("fractions") BigDecimal fraction,
      @ForAll("amounts") List<BigDecimal> amounts,
      @ForAll("maybeDecimals") Optional<BigDecimal> maybe) {
    assertRoundTripsAndMatchesAvro(new Decimals(digit, price, wide, fraction, amounts, maybe));
  }

  @Property(tries = 500)
  void collectionsEmptyAndNotRoundTripAndMatchAvro(
      @ForAll("texts") List<String> tags,
      @ForAll Set<Integer> ids,
      @ForAll List<Long> counts,
      @ForAll("texts") List<String> names,
      @ForAll int[] ints,
      @ForAll("doubleLists") List<Double> weights,
      @ForAll("sparse") List<Integer> sparse,
      @ForAll("rates") Map<String, Double> rates,
      @ForAll("matrices") List<List<String>> matrix,
      @ForAll("groups") Map<String, List<Integer>> groups,
      @ForAll("gaps") List<Optional<String>> gaps,
      @ForAll("maybeLongMaps") Map<String, Optional<Long>> maybe,
      @ForAll("microList") List<Instant> moments) {
    assertRoundTripsAndMatchesAvro(
        new Containers(
            tags,
            ids,
            counts,
            names.toArray(String[]::new),
            ints,
            weights.stream().mapToDouble(Double::doubleValue).toArray(),
            sparse.toArray(Integer[]::new),
            rates,
            matrix,
            groups,
            gaps,
            maybe,
            moments));
  }

  @Property(tries = 300)
  void enumsUnionsRecursiveAndNestedRecordsRoundTripAndMatchAvro(@ForAll("nested") Nested value) {
    assertRoundTripsAndMatchesAvro(value);
  }

  @Property(tries = 300)
  void enumDefaultsCharSequenceKeysAndDeclarationNullablesRoundTripAndMatchAvro(@ForAll("extras") Extras value) {
    assertRoundTripsAndMatchesAvro(value);
  }

  @Property(tries = 300)
  void typeUseAnnotationsInsideTypeArgumentsRoundTripAndMatchAvro(@ForAll("typeArgs") TypeArgs value) {
    assertRoundTripsAndMatchesAvro(value);
  }

  @Property(tries = 500)
  void textFromEveryUnicodePlaneRoundTripsAndMatchesAvro(
      @ForAll("planes") String text,
      @ForAll("planes") String sequence,
      @ForAll("planeLists") List<String> words,
      @ForAll("planeMaps") Map<String, String> byKey,
      @ForAll("planes") String maybe) {
    assertRoundTripsAndMatchesAvro(new Text(text, sequence, words, byKey, Optional.of(maybe)));
  }

  /**
   * A String that is not valid Unicode has no UTF-8 form. Avro's writer, like Java's
   * String.getBytes, writes each unpaired surrogate as '?'; so does FlowODM, byte for byte, and both
   * read the '?' back.
   */
  @Property(tries = 500)
  void unpairedSurrogatesAreWrittenAsAvroWritesThem(
      @ForAll("broken") String text, @ForAll("broken") String sequence, @ForAll("broken") String word) {
    Text value = new Text(text, sequence, List.of(word), Map.of(word, text), Optional.of(sequence));
    AvroCodec<Text> codec = AvroCodec.of(Text.class);
    Schema schema = codec.schema();

    byte[] ours = codec.encode(value);

    Object generic = AvroOracle.toGeneric(value, schema);
    assertThat(ours).as("our bytes against Avro's GenericDatumWriter").isEqualTo(AvroOracle.write(generic, schema));
    assertThat(throughBinaryEncoder(codec, value)).as("encode(T, BinaryEncoder)").isEqualTo(ours);
    Text expected =
        new Text(
            utf8(text), utf8(sequence), List.of(utf8(word)), Map.of(utf8(word), utf8(text)), Optional.of(utf8(sequence)));
    Values.assertDeepEquals(codec.decode(ours), expected);
    assertThat(AvroOracle.plain(AvroOracle.read(ours, schema, schema)))
        .as("what Avro's GenericDatumReader read of our bytes")
        .isEqualTo(AvroOracle.plain(AvroOracle.toGeneric(expected, schema)));
  }

  private static String utf8(String s) {
    return new String(s.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Bytes that are not UTF-8 in a string field read as Avro reads them: each bad sequence as U+FFFD. */
  @Property(tries = 300)
  void invalidUtf8IsReadAsAvroReadsIt(@ForAll("bytes") byte[] raw) {
    AvroCodec<Text> codec = AvroCodec.of(Text.class);
    Schema schema = codec.schema();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder out = EncoderFactory.get().binaryEncoder(bytes, null);
    try {
      for (int i = 0; i < 2; i++) {
        out.writeBytes(raw);
      }
      out.writeArrayStart();
      out.setItemCount(1);
      out.startItem();
      out.writeBytes(raw);
      out.writeArrayEnd();
      out.writeMapStart();
      out.writeMapEnd();
      out.writeIndex(1);
      out.writeBytes(raw);
      out.flush();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    String text = new String(raw, java.nio.charset.StandardCharsets.UTF_8);

    Text read = codec.decode(bytes.toByteArray());

    Values.assertDeepEquals(read, new Text(text, text, List.of(text), Map.of(), Optional.of(text)));
    assertThat(AvroOracle.plain(AvroOracle.read(bytes.toByteArray(), schema, schema)))
        .isEqualTo(AvroOracle.plain(AvroOracle.toGeneric(read, schema)));
  }

  @Property(tries = 300)
  void arraysOfEveryKindRoundTripAndMatchAvro(@ForAll("arrays") JavaArraysTest.Arrays value) {
    assertRoundTripsAndMatchesAvro(value);
  }

  // ---- generators

  @Provide
  @SuppressWarnings("unchecked")
  Arbitrary<JavaArraysTest.Arrays> arrays() {
    Arbitrary<JavaArraysTest.Point> points =
        Combinators.combine(Arbitraries.integers(), Arbitraries.integers()).as(JavaArraysTest.Point::new);
    return Combinators.combine(
            Arbitraries.integers().array(int[].class).ofMaxSize(6),
            Arbitraries.longs().array(long[].class).ofMaxSize(6),
            Generators.doubles().list().ofMaxSize(6).map(l -> l.stream().mapToDouble(Double::doubleValue).toArray()),
            Generators.floats().array(Float[].class).ofMaxSize(6).map(CodecRoundTripProperties::floats),
            Arbitraries.of(true, false).array(Boolean[].class).ofMaxSize(6).map(CodecRoundTripProperties::booleans),
            Arbitraries.shorts().array(short[].class).ofMaxSize(6),
            Generators.text().array(String[].class).ofMaxSize(4),
            Arbitraries.integers().injectNull(0.3).array(Integer[].class).ofMaxSize(5))
        .flatAs(
            (ints, longs, doubles, floats, flags, smalls, names, sparse) ->
                Combinators.combine(
                        Generators.text().injectNull(0.3).array(String[].class).ofMaxSize(4),
                        points.array(JavaArraysTest.Point[].class).ofMaxSize(3),
                        Arbitraries.of(JavaArraysTest.Color.class).array(JavaArraysTest.Color[].class).ofMaxSize(4),
                        Generators.text().list().ofMaxSize(3).list().ofMaxSize(3).map(l -> l.toArray(List[]::new)),
                        Arbitraries.integers().array(int[].class).ofMaxSize(3).array(int[][].class).ofMaxSize(3),
                        Arbitraries.longs().array(long[].class).ofMaxSize(3).optional())
                    .as(
                        (gaps, ps, colors, groups, grid, maybe) ->
                            new JavaArraysTest.Arrays(
                                ints, longs, doubles, floats, flags, smalls, names, sparse, gaps, ps, colors,
                                (List<String>[]) groups, grid, maybe)));
  }

  private static float[] floats(Float[] boxed) {
    float[] out = new float[boxed.length];
    for (int i = 0; i < boxed.length; i++) {
      out[i] = boxed[i];
    }
    return out;
  }

  private static boolean[] booleans(Boolean[] boxed) {
    boolean[] out = new boolean[boxed.length];
    for (int i = 0; i < boxed.length; i++) {
      out[i] = boxed[i];
    }
    return out;
  }

  @Provide
  Arbitrary<String> planes() {
    return Generators.allPlanes();
  }

  @Provide
  Arbitrary<List<String>> planeLists() {
    return Generators.allPlanes().list().ofMaxSize(4);
  }

  @Provide
  Arbitrary<Map<String, String>> planeMaps() {
    return Arbitraries.maps(Generators.allPlanes(), Generators.allPlanes()).ofMaxSize(4);
  }

  @Provide
  Arbitrary<String> broken() {
    return Generators.unpairedSurrogates();
  }

  @Provide
  Arbitrary<Extras> extras() {
    Arbitrary<Status> statuses = Arbitraries.of(Status.class);
    Arbitrary<Line> lines =
        Combinators.combine(Generators.text(), Arbitraries.integers(), Generators.decimals(9, 2)).as(Line::new);
    Arbitrary<Map<CharSequence, Integer>> labels =
        Arbitraries.maps(Generators.text(), Arbitraries.integers()).ofMaxSize(4).map(m -> Map.copyOf(m));
    Arbitrary<Map<CharSequence, List<String>>> groups =
        Arbitraries.maps(Generators.text(), Generators.text().list().ofMaxSize(3)).ofMaxSize(3).map(m -> Map.copyOf(m));
    return Combinators.combine(
            statuses,
            statuses.optional(),
            statuses.list().ofMaxSize(4),
            statuses,
            labels,
            groups,
            Generators.text().injectNull(0.4),
            lines.injectNull(0.4))
        .flatAs(
            (status, maybe, history, withDefault, ls, gs, remark, line) ->
                Combinators.combine(Arbitraries.longs().injectNull(0.4), Arbitraries.integers().injectNull(0.4))
                    .as((l, i) -> new Extras(status, maybe, history, withDefault, ls, gs, remark, line, l, i)));
  }

  @Provide
  Arbitrary<TypeArgs> typeArgs() {
    Arbitrary<Line> lines =
        Combinators.combine(Generators.text(), Arbitraries.integers(), Generators.decimals(9, 2)).as(Line::new);
    Arbitrary<String> maybeText = Generators.text().injectNull(0.3);
    Arbitrary<List<Optional<Instant>>> inherited = Generators.instantsMicros().optional().list().ofMaxSize(4);
    return Combinators.combine(
            maybeText.list().ofMaxSize(5),
            Arbitraries.integers().injectNull(0.3).set().ofMaxSize(5),
            Arbitraries.maps(Generators.text(), Arbitraries.longs().injectNull(0.3)).ofMaxSize(4),
            lines.injectNull(0.3).list().ofMaxSize(3),
            Generators.decimals(10, 2).list().ofMaxSize(4),
            Generators.instantsMicros().optional(),
            Arbitraries.maps(Generators.text(), Generators.instantsNanos().map(Generators::local).list().ofMaxSize(3))
                .ofMaxSize(3),
            Generators.timesMicros().list().ofMaxSize(4))
        .flatAs(
            (notes, ids, counts, ls, prices, seenAt, history, alarms) ->
                Combinators.combine(
                        maybeText.list().ofMaxSize(4).map(l -> l.toArray(String[]::new)),
                        Generators.text().list().ofMaxSize(4).map(l -> l.toArray(String[]::new)).injectNull(0.3),
                        Generators.decimals(4, 1).list().ofMaxSize(4),
                        inherited)
                    .as(
                        (aliases, labels, overridden, inh) ->
                            new TypeArgs(
                                notes, ids, counts, ls, prices, seenAt, history, alarms, aliases, labels, overridden, inh)));
  }

  @Provide
  Arbitrary<Float> floats() {
    return Generators.floats();
  }

  @Provide
  Arbitrary<Double> doubles() {
    return Generators.doubles();
  }

  @Provide
  Arbitrary<String> text() {
    return Generators.text();
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    return Generators.bytes();
  }

  @Provide
  Arbitrary<ByteBuffer> buffers() {
    return Generators.buffers();
  }

  @Provide
  Arbitrary<Boolean> maybeBooleans() {
    return Arbitraries.of(true, false).injectNull(0.3);
  }

  @Provide
  Arbitrary<Integer> maybeInts() {
    return Arbitraries.integers().injectNull(0.3);
  }

  @Provide
  Arbitrary<Long> maybeLongs() {
    return Arbitraries.longs().injectNull(0.3);
  }

  @Provide
  Arbitrary<Float> maybeFloats() {
    return Generators.floats().injectNull(0.3);
  }

  @Provide
  Arbitrary<Double> maybeDoubles() {
    return Generators.doubles().injectNull(0.3);
  }

  @Provide
  Arbitrary<Byte> maybeBytes() {
    return Arbitraries.bytes().injectNull(0.3);
  }

  @Provide
  Arbitrary<Short> maybeShorts() {
    return Arbitraries.shorts().injectNull(0.3);
  }

  @Provide
  Arbitrary<Optional<String>> maybeText() {
    return Generators.text().optional();
  }

  @Provide
  Arbitrary<UUID> uuids() {
    return Generators.uuids();
  }

  @Provide
  Arbitrary<Instant> millis() {
    return Generators.instantsMillis();
  }

  @Provide
  Arbitrary<Instant> micros() {
    return Generators.instantsMicros();
  }

  @Provide
  Arbitrary<Instant> nanos() {
    return Generators.instantsNanos();
  }

  @Provide
  Arbitrary<LocalDate> dates() {
    return Generators.dates();
  }

  @Provide
  Arbitrary<LocalTime> timesMillis() {
    return Generators.timesMillis();
  }

  @Provide
  Arbitrary<LocalTime> timesMicros() {
    return Generators.timesMicros();
  }

  @Provide
  Arbitrary<BigDecimal> digits() {
    return Generators.decimals(1, 0);
  }

  @Provide
  Arbitrary<BigDecimal> prices() {
    return Generators.decimals(9, 2);
  }

  @Provide
  Arbitrary<BigDecimal> wide() {
    return Generators.decimals(38, 10);
  }

  @Provide
  Arbitrary<BigDecimal> fractions() {
    return Generators.decimals(4, 4);
  }

  @Provide
  Arbitrary<List<BigDecimal>> amounts() {
    return Generators.decimals(18, 3).list().ofMaxSize(5);
  }

  @Provide
  Arbitrary<Optional<BigDecimal>> maybeDecimals() {
    return Generators.decimals(5, 1).optional();
  }

  @Provide
  Arbitrary<List<String>> texts() {
    return Generators.text().list().ofMaxSize(6);
  }

  @Provide
  Arbitrary<List<Double>> doubleLists() {
    return Generators.doubles().list().ofMaxSize(6);
  }

  @Provide
  Arbitrary<List<Integer>> sparse() {
    return Arbitraries.integers().injectNull(0.3).list().ofMaxSize(6);
  }

  @Provide
  Arbitrary<Map<String, Double>> rates() {
    return Arbitraries.maps(Generators.text(), Generators.doubles()).ofMaxSize(5);
  }

  @Provide
  Arbitrary<List<List<String>>> matrices() {
    return Generators.text().list().ofMaxSize(3).list().ofMaxSize(3);
  }

  @Provide
  Arbitrary<Map<String, List<Integer>>> groups() {
    return Arbitraries.maps(Generators.text(), Arbitraries.integers().list().ofMaxSize(4)).ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<Optional<String>>> gaps() {
    return Generators.text().optional().list().ofMaxSize(5);
  }

  @Provide
  Arbitrary<Map<String, Optional<Long>>> maybeLongMaps() {
    return Arbitraries.maps(Generators.text(), Arbitraries.longs().optional()).ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<Instant>> microList() {
    return Generators.instantsMicros().list().ofMaxSize(4);
  }

  @Provide
  Arbitrary<Nested> nested() {
    Arbitrary<Color> colors = Arbitraries.of(Color.class);
    Arbitrary<Shape> shapes = shapes();
    Arbitrary<Line> lines =
        Combinators.combine(Generators.text(), Arbitraries.integers(), Generators.decimals(9, 2)).as(Line::new);
    Arbitrary<Tree> trees =
        Arbitraries.recursive(
            () -> Generators.text().map(n -> new Tree(n, List.of(), Optional.empty())),
            t -> Combinators.combine(Generators.text(), t.list().ofMaxSize(3), t.optional()).as(Tree::new),
            0,
            3);
    return Combinators.combine(
            colors,
            colors.optional(),
            shapes,
            shapes.optional(),
            shapes.list().ofMaxSize(3),
            trees,
            Arbitraries.maps(Generators.text(), lines).ofMaxSize(3),
            lines.injectNull(0.3))
        .as(Nested::new);
  }

  private static Arbitrary<Shape> shapes() {
    Arbitrary<Shape> leaves =
        Arbitraries.oneOf(
            Generators.doubles().map(Circle::new),
            Combinators.combine(Generators.floats(), Arbitraries.of(Color.class)).as(Square::new));
    return Arbitraries.recursive(
        () -> leaves,
        s -> Arbitraries.oneOf(leaves, Combinators.combine(Generators.text(), s.list().ofMaxSize(3)).as(Group::new)),
        0,
        3);
  }
}
