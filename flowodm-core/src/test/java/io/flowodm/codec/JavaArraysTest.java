package io.flowodm.codec;

import static io.flowodm.codec.BadBytesTest.avro;
import static io.flowodm.codec.CodecRoundTripProperties.assertRoundTripsAndMatchesAvro;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.DeserializationException;
import io.flowodm.SerializationException;
import io.flowodm.annotation.AvroName;
import io.flowodm.annotation.Namespace;
import io.flowodm.schema.AvroSchemas;
import io.flowodm.schema.TypeMapper;
import io.flowodm.schema.TypeMapping;
import io.flowodm.schema.golden.Nullable;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * Java arrays of every kind: primitive arrays written and read without boxing, arrays of objects
 * read into arrays of their component type, the same bytes as Avro's writer, and resolution,
 * blocks and errors as for lists.
 */
class JavaArraysTest {

  enum Color {
    RED,
    GREEN
  }

  record Point(int x, int y) {}

  record Arrays(
      int[] ints,
      long[] longs,
      double[] doubles,
      float[] floats,
      boolean[] flags,
      short[] smalls,
      String[] names,
      Integer[] sparse,
      @Nullable String[] gaps,
      Point[] points,
      Color[] colors,
      List<String>[] groups,
      int[][] grid,
      Optional<long[]> maybe) {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Arrays full() {
    return new Arrays(
        new int[] {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE},
        new long[] {Long.MIN_VALUE, 0, 1L << 40},
        new double[] {Double.NaN, -0.0, 1.5},
        new float[] {Float.MIN_VALUE, -2.5f},
        new boolean[] {true, false, true},
        new short[] {Short.MIN_VALUE, 7, Short.MAX_VALUE},
        new String[] {"a", "", "ü"},
        new Integer[] {1, null, 3},
        new String[] {null, "x"},
        new Point[] {new Point(1, 2), new Point(-3, 4)},
        new Color[] {Color.GREEN, Color.RED},
        new List[] {List.of("a", "b"), List.of()},
        new int[][] {{1, 2}, {}, {3}},
        Optional.of(new long[] {5, 6}));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Arrays empty() {
    return new Arrays(
        new int[0],
        new long[0],
        new double[0],
        new float[0],
        new boolean[0],
        new short[0],
        new String[0],
        new Integer[0],
        new String[0],
        new Point[0],
        new Color[0],
        new List[0],
        new int[0][],
        Optional.empty());
  }

  @Test
  void everyKindOfArrayRoundTripsWithAvrosBytes() {
    assertRoundTripsAndMatchesAvro(full());
    assertRoundTripsAndMatchesAvro(empty());
  }

  @Test
  void arraysAreReadIntoArraysOfTheirComponentType() {
    AvroCodec<Arrays> codec = AvroCodec.of(Arrays.class);

    Arrays read = codec.decode(codec.encode(full()));

    assertThat(read.names()).isExactlyInstanceOf(String[].class);
    assertThat(read.sparse()).isExactlyInstanceOf(Integer[].class).containsExactly(1, null, 3);
    assertThat(read.points()).isExactlyInstanceOf(Point[].class);
    assertThat(read.colors()).isExactlyInstanceOf(Color[].class);
    assertThat(read.groups()).isExactlyInstanceOf(List[].class);
    assertThat(read.grid()).isExactlyInstanceOf(int[][].class);
    assertThat(read.maybe()).get().isEqualTo(new long[] {5, 6});
    assertThat(codec.schema().getField("gaps").schema().getElementType().toString()).isEqualTo("[\"null\",\"string\"]");
  }

  record Numbers(int[] values, short[] smalls) {}

  @Test
  void arraysWrittenInSeveralBlocksAreReadWhole() {
    byte[] bytes =
        avro(out -> {
          out.writeLong(2);
          out.writeInt(1);
          out.writeInt(2);
          out.writeLong(-3); // a block of 3 items with its size in bytes
          out.writeLong(3);
          out.writeInt(3);
          out.writeInt(4);
          out.writeInt(5);
          out.writeLong(0);
          out.writeLong(1);
          out.writeInt(-7);
          out.writeLong(1);
          out.writeInt(8);
          out.writeLong(0);
        });

    Numbers read = AvroCodec.of(Numbers.class).decode(bytes);

    assertThat(read.values()).containsExactly(1, 2, 3, 4, 5);
    assertThat(read.smalls()).containsExactly((short) -7, (short) 8);
  }

  @Test
  void badValuesInsideAPrimitiveArrayAreNamedByTheirIndex() {
    assertThatThrownBy(
            () -> AvroCodec.of(Numbers.class).decode(avro(out -> {
              out.writeLong(0);
              out.writeLong(2);
              out.writeInt(1);
              out.writeInt(40_000);
              out.writeLong(0);
            })))
        .isInstanceOf(DeserializationException.class)
        .hasMessageContaining("at Numbers.smalls[1], int 40000 does not fit a short (-32768..32767)");
    assertThatThrownBy(() -> AvroCodec.of(Numbers.class).decode(avro(out -> {
              out.writeLong(3);
              out.writeInt(1);
              out.writeInt(2);
            })))
        .isInstanceOf(DeserializationException.class)
        .hasMessageContaining("at Numbers.values, data ends early: an array claims 3 items at byte 1 but only 2 bytes");
    assertThatThrownBy(() -> AvroCodec.of(Numbers.class).decode(new byte[] {4, 2, (byte) 0x80}))
        .isInstanceOf(DeserializationException.class)
        .hasMessageContaining("at Numbers.values[1], data ends early: an int at byte 2 runs past the end of the 3 bytes");
  }

  @Test
  void aNullInAnArrayOfRequiredElementsIsNamedByItsIndex() {
    Arrays withNull = full();
    withNull.names()[1] = null;

    assertThatThrownBy(() -> AvroCodec.of(Arrays.class).encode(withNull))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Arrays.names[1] is null, but the elements are required")
        .hasMessageContaining("declare the elements @Nullable or Optional<...>");
  }

  @AvroName("Series")
  @Namespace("test.arrays")
  record IntSeries(int[] values, List<Integer> counts, float[] ratios) {}

  @AvroName("Series")
  @Namespace("test.arrays")
  record WideSeries(long[] values, double[] counts, double[] ratios) {}

  @Test
  void primitiveArraysPromoteLikeTheirElements() {
    IntSeries old = new IntSeries(new int[] {1, -2, Integer.MAX_VALUE}, List.of(3, 4), new float[] {0.5f, -1f});

    WideSeries read = Evolution.evolve(old, WideSeries.class);

    assertThat(read.values()).containsExactly(1L, -2L, Integer.MAX_VALUE);
    assertThat(read.counts()).containsExactly(3.0, 4.0);
    assertThat(read.ratios()).containsExactly(0.5, -1.0);
    Evolution.assertAvroReadsTheSame(old, read);
  }

  record Codes(int[] codes) {}

  @Test
  void aPrimitiveArrayWhoseElementsAUserMapperMapsGoesThroughThatMapping() {
    TypeMapper intsAsText =
        (type, annotations, context) ->
            type == int.class
                ? TypeMapping.converting(context.lookup(String.class), (Integer i) -> "#" + i, s -> Integer.valueOf(s.substring(1)))
                : null;
    AvroCodec<Codes> codec = AvroCodec.of(Codes.class, AvroSchemas.builder().add(intsAsText).build());
    Codes codes = new Codes(new int[] {7, -1});

    assertThat(codec.schema().getField("codes").schema().getElementType().getType()).isEqualTo(Schema.Type.STRING);
    assertThat(codec.decode(codec.encode(codes)).codes()).containsExactly(7, -1);
    assertThat(AvroCodec.of(Codes.class).decode(AvroCodec.of(Codes.class).encode(codes)).codes())
        .containsExactly(7, -1);
  }
}
