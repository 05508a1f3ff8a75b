package io.flowodm.schema.internal;

import io.flowodm.schema.TypeMapping;
import java.io.IOException;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/**
 * Java arrays ({@code T[]}, {@code int[]}...) as Avro arrays, without reflection per value: arrays
 * of objects through a cast, read into a typed array copied from a zero-length prototype made once;
 * arrays of primitives by {@link PrimitiveArrays}.
 */
final class JavaArrays {
  private JavaArrays() {}

  /** The mapping of arrays of {@code component}, whose elements are mapped by {@code element}. */
  static TypeMapping<?> of(TypeMapping<?> element, Class<?> component) {
    if (component == int.class) return new PrimitiveArrays.IntArray(element);
    if (component == long.class) return new PrimitiveArrays.LongArray(element);
    if (component == double.class) return new PrimitiveArrays.DoubleArray(element);
    if (component == float.class) return new PrimitiveArrays.FloatArray(element);
    if (component == boolean.class) return new PrimitiveArrays.BooleanArray(element);
    if (component == short.class) return new PrimitiveArrays.ShortArray(element);
    if (component.isPrimitive()) {
      // byte[] is Avro bytes and char has no mapping: neither reaches here.
      throw new IllegalArgumentException("no array mapping for " + component + "[]");
    }
    return new ObjectArray(element, component);
  }

  /**
   * Checks the item count of one block of an array of which {@code size} items were read, and
   * returns how many the array holds after the block.
   */
  static long checkedBlock(Decoder in, long count, int minSize, int size) {
    ByteArrayDecoder.checkItemCount(in, count, minSize, "an array");
    long end = size + count;
    if (end > Integer.MAX_VALUE - 8) {
      throw new DataException(
          "an array claims " + end + " items in all, more than any array can hold: " + ByteArrayDecoder.CORRUPT);
    }
    return end;
  }

  static DataException at(Exception e, int index) {
    return DataException.wrap(e).within("[" + index + "]");
  }

  static DataException notArray(Schema writer) {
    return new DataException("data written as " + Schemas.describe(writer) + " cannot be read as an array");
  }

  /** Arrays of a reference type: {@code String[]}, {@code Integer[]}, {@code Line[]}, {@code List<String>[]}. */
  static final class ObjectArray extends TypeMapping<Object[]> {
    private final TypeMapping<Object> element;
    private final Object[] prototype;
    private final boolean elementNullable;
    private final Schema schema;
    private int minItemSize = -1; // computed on first read: a recursive record has no fields yet here

    @SuppressWarnings("unchecked")
    ObjectArray(TypeMapping<?> element, Class<?> component) {
      this.element = (TypeMapping<Object>) element;
      this.prototype = (Object[]) java.lang.reflect.Array.newInstance(component, 0);
      this.elementNullable = element.acceptsNull();
      this.schema = Schema.createArray(element.schema());
    }

    @Override
    public Schema schema() {
      return schema;
    }

    @Override
    public void write(Object[] value, Encoder out) throws IOException {
      out.writeArrayStart();
      out.setItemCount(value.length);
      for (int i = 0; i < value.length; i++) {
        out.startItem();
        Object item = value[i];
        if (item == null && !elementNullable) {
          throw Containers.nullElement(i);
        }
        try {
          element.write(item, out);
        } catch (RuntimeException | IOException e) {
          throw at(e, i);
        }
      }
      out.writeArrayEnd();
    }

    @Override
    public Object[] read(Decoder in) throws IOException {
      if (minItemSize < 0) {
        minItemSize = Schemas.minSize(element.schema());
      }
      return readWith(in, element::read, minItemSize);
    }

    private Object[] readWith(Decoder in, Reader<Object> items, int minSize) throws IOException {
      Object[] array = prototype;
      int size = 0;
      for (long n = in.readArrayStart(); n != 0; n = in.arrayNext()) {
        int end = (int) checkedBlock(in, n, minSize, size);
        array = Arrays.copyOf(array, end);
        for (; size < end; size++) {
          try {
            array[size] = items.read(in);
          } catch (RuntimeException | IOException e) {
            throw at(e, size);
          }
        }
      }
      return array;
    }

    @Override
    public Reader<Object[]> resolve(Schema writer, Resolver resolver) {
      if (writer.getType() != Schema.Type.ARRAY) {
        throw notArray(writer);
      }
      Reader<Object> items = resolver.resolve(writer.getElementType(), element);
      int writerMinSize = Schemas.minSize(writer.getElementType());
      return in -> readWith(in, items, writerMinSize);
    }

    @Override
    public String toString() {
      return prototype.getClass().getComponentType().getSimpleName() + "[] of " + element;
    }
  }
}
