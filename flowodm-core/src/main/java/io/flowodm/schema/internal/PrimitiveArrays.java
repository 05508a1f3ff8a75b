package io.flowodm.schema.internal;

import static io.flowodm.schema.internal.JavaArrays.at;
import static io.flowodm.schema.internal.JavaArrays.checkedBlock;

import io.flowodm.schema.TypeMapping;
import java.io.IOException;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/**
 * Arrays of primitives ({@code int[]}, {@code long[]}, {@code double[]}, {@code float[]}, {@code
 * boolean[]}, {@code short[]}) as Avro arrays, with loops that neither box nor look elements up. An
 * array whose elements a user mapper maps (not FlowODM's own int, long...) goes through that
 * mapping, boxing.
 */
final class PrimitiveArrays {
  private PrimitiveArrays() {}

  /**
   * Arrays of one primitive type. With FlowODM's own element mapping, and data in the element's own
   * schema, the subclass's loops read and write the values directly; otherwise each value goes
   * through a mapping or a resolved reader, boxed.
   */
  abstract static class PrimitiveArray<A> extends TypeMapping<A> {
    private final TypeMapping<Object> element;
    private final boolean own;
    private final A empty;
    private final Schema schema;
    private final int minItemSize;

    @SuppressWarnings("unchecked")
    PrimitiveArray(TypeMapping<?> element, TypeMapping<?> builtIn, A empty) {
      this.element = (TypeMapping<Object>) element;
      this.own = element == builtIn;
      this.empty = empty;
      this.schema = Schema.createArray(element.schema());
      this.minItemSize = Schemas.minSize(element.schema());
    }

    abstract int length(A array);

    /** A copy of {@code array} with room for {@code length} values. */
    abstract A copy(A array, int length);

    abstract Object get(A array, int index);

    abstract void set(A array, int index, Object value);

    /** Writes every value as its Avro primitive, with {@code startItem} before each. */
    abstract void writeAll(A array, Encoder out) throws IOException;

    /** Reads values {@code from} (inclusive) to {@code to} (exclusive) in the element's own schema. */
    abstract void readAll(A array, int from, int to, Decoder in) throws IOException;

    @Override
    public final Schema schema() {
      return schema;
    }

    @Override
    public final void write(A value, Encoder out) throws IOException {
      out.writeArrayStart();
      int n = length(value);
      out.setItemCount(n);
      if (own) {
        writeAll(value, out);
      } else {
        for (int i = 0; i < n; i++) {
          out.startItem();
          try {
            element.write(get(value, i), out);
          } catch (RuntimeException | IOException e) {
            throw at(e, i);
          }
        }
      }
      out.writeArrayEnd();
    }

    @Override
    public final A read(Decoder in) throws IOException {
      return readWith(in, own ? null : element::read, minItemSize);
    }

    /** Reads with the subclass's loop when {@code items} is null, else value by value through it. */
    private A readWith(Decoder in, Reader<Object> items, int minSize) throws IOException {
      A array = empty;
      int size = 0;
      for (long n = in.readArrayStart(); n != 0; n = in.arrayNext()) {
        int end = (int) checkedBlock(in, n, minSize, size);
        array = copy(array, end);
        if (items == null) {
          readAll(array, size, end, in);
          size = end;
        } else {
          for (; size < end; size++) {
            try {
              set(array, size, items.read(in));
            } catch (RuntimeException | IOException e) {
              throw at(e, size);
            }
          }
        }
      }
      return array;
    }

    @Override
    public final Reader<A> resolve(Schema writer, Resolver resolver) {
      if (writer.getType() != Schema.Type.ARRAY) {
        throw JavaArrays.notArray(writer);
      }
      int writerMinSize = Schemas.minSize(writer.getElementType());
      if (own && writer.getElementType().equals(element.schema())) {
        return in -> readWith(in, null, writerMinSize);
      }
      Reader<Object> items = resolver.resolve(writer.getElementType(), element);
      return in -> readWith(in, items, writerMinSize);
    }

    @Override
    public String toString() {
      return empty.getClass().getComponentType().getName() + "[] of " + element;
    }
  }

  static final class IntArray extends PrimitiveArray<int[]> {
    IntArray(TypeMapping<?> element) {
      super(element, Primitives.INT, new int[0]);
    }

    @Override
    int length(int[] array) {
      return array.length;
    }

    @Override
    int[] copy(int[] array, int length) {
      return Arrays.copyOf(array, length);
    }

    @Override
    Object get(int[] array, int index) {
      return array[index];
    }

    @Override
    void set(int[] array, int index, Object value) {
      array[index] = (Integer) value;
    }

    @Override
    void writeAll(int[] array, Encoder out) throws IOException {
      for (int v : array) {
        out.startItem();
        out.writeInt(v);
      }
    }

    @Override
    void readAll(int[] array, int from, int to, Decoder in) throws IOException {
      int i = from;
      try {
        for (; i < to; i++) {
          array[i] = in.readInt();
        }
      } catch (RuntimeException | IOException e) {
        throw at(e, i);
      }
    }
  }

  static final class LongArray extends PrimitiveArray<long[]> {
    LongArray(TypeMapping<?> element) {
      super(element, Primitives.LONG, new long[0]);
    }

    @Override
    int length(long[] array) {
      return array.length;
    }

    @Override
    long[] copy(long[] array, int length) {
      return Arrays.copyOf(array, length);
    }

    @Override
    Object get(long[] array, int index) {
      return array[index];
    }

    @Override
    void set(long[] array, int index, Object value) {
      array[index] = (Long) value;
    }

    @Override
    void writeAll(long[] array, Encoder out) throws IOException {
      for (long v : array) {
        out.startItem();
        out.writeLong(v);
      }
    }

    @Override
    void readAll(long[] array, int from, int to, Decoder in) throws IOException {
      int i = from;
      try {
        for (; i < to; i++) {
          array[i] = in.readLong();
        }
      } catch (RuntimeException | IOException e) {
        throw at(e, i);
      }
    }
  }

  static final class DoubleArray extends PrimitiveArray<double[]> {
    DoubleArray(TypeMapping<?> element) {
      super(element, Primitives.DOUBLE, new double[0]);
    }

    @Override
    int length(double[] array) {
      return array.length;
    }

    @Override
    double[] copy(double[] array, int length) {
      return Arrays.copyOf(array, length);
    }

    @Override
    Object get(double[] array, int index) {
      return array[index];
    }

    @Override
    void set(double[] array, int index, Object value) {
      array[index] = (Double) value;
    }

    @Override
    void writeAll(double[] array, Encoder out) throws IOException {
      for (double v : array) {
        out.startItem();
        out.writeDouble(v);
      }
    }

    @Override
    void readAll(double[] array, int from, int to, Decoder in) throws IOException {
      int i = from;
      try {
        for (; i < to; i++) {
          array[i] = in.readDouble();
        }
      } catch (RuntimeException | IOException e) {
        throw at(e, i);
      }
    }
  }

  static final class FloatArray extends PrimitiveArray<float[]> {
    FloatArray(TypeMapping<?> element) {
      super(element, Primitives.FLOAT, new float[0]);
    }

    @Override
    int length(float[] array) {
      return array.length;
    }

    @Override
    float[] copy(float[] array, int length) {
      return Arrays.copyOf(array, length);
    }

    @Override
    Object get(float[] array, int index) {
      return array[index];
    }

    @Override
    void set(float[] array, int index, Object value) {
      array[index] = (Float) value;
    }

    @Override
    void writeAll(float[] array, Encoder out) throws IOException {
      for (float v : array) {
        out.startItem();
        out.writeFloat(v);
      }
    }

    @Override
    void readAll(float[] array, int from, int to, Decoder in) throws IOException {
      int i = from;
      try {
        for (; i < to; i++) {
          array[i] = in.readFloat();
        }
      } catch (RuntimeException | IOException e) {
        throw at(e, i);
      }
    }
  }

  static final class BooleanArray extends PrimitiveArray<boolean[]> {
    BooleanArray(TypeMapping<?> element) {
      super(element, Primitives.BOOLEAN, new boolean[0]);
    }

    @Override
    int length(boolean[] array) {
      return array.length;
    }

    @Override
    boolean[] copy(boolean[] array, int length) {
      return Arrays.copyOf(array, length);
    }

    @Override
    Object get(boolean[] array, int index) {
      return array[index];
    }

    @Override
    void set(boolean[] array, int index, Object value) {
      array[index] = (Boolean) value;
    }

    @Override
    void writeAll(boolean[] array, Encoder out) throws IOException {
      for (boolean v : array) {
        out.startItem();
        out.writeBoolean(v);
      }
    }

    @Override
    void readAll(boolean[] array, int from, int to, Decoder in) throws IOException {
      int i = from;
      try {
        for (; i < to; i++) {
          array[i] = in.readBoolean();
        }
      } catch (RuntimeException | IOException e) {
        throw at(e, i);
      }
    }
  }

  /** short[]: Avro ints, range-checked on read as a short component is. */
  static final class ShortArray extends PrimitiveArray<short[]> {
    ShortArray(TypeMapping<?> element) {
      super(element, Primitives.SHORT, new short[0]);
    }

    @Override
    int length(short[] array) {
      return array.length;
    }

    @Override
    short[] copy(short[] array, int length) {
      return Arrays.copyOf(array, length);
    }

    @Override
    Object get(short[] array, int index) {
      return array[index];
    }

    @Override
    void set(short[] array, int index, Object value) {
      array[index] = (Short) value;
    }

    @Override
    void writeAll(short[] array, Encoder out) throws IOException {
      for (short v : array) {
        out.startItem();
        out.writeInt(v);
      }
    }

    @Override
    void readAll(short[] array, int from, int to, Decoder in) throws IOException {
      int i = from;
      try {
        for (; i < to; i++) {
          array[i] = Primitives.readShort(in);
        }
      } catch (RuntimeException | IOException e) {
        throw at(e, i);
      }
    }
  }
}
