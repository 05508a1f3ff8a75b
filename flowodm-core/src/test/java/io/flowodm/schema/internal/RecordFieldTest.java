package io.flowodm.schema.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.schema.TypeMapping;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordFieldTest {
  record Sample(int count, long total, double ratio, String name, List<String> tags) {}

  private static final Sample SAMPLE = new Sample(3, 40_000_000_000L, 0.25, "sample", List.of("a", "b"));

  private static MethodHandle accessor(String component, Class<?> type) throws ReflectiveOperationException {
    return MethodHandles.lookup().findVirtual(Sample.class, component, MethodType.methodType(type));
  }

  private static RecordField field(String component, Class<?> type, TypeMapping<?> mapping) throws Exception {
    return RecordField.of(0, component, component, mapping, accessor(component, type), null, Set.of());
  }

  private static byte[] written(RecordField field, Object record) throws Throwable {
    ByteArrayEncoder out = new ByteArrayEncoder(16);
    field.write(record, out);
    return out.toByteArray();
  }

  private static <T> byte[] writtenBy(TypeMapping<T> mapping, T value) throws Exception {
    ByteArrayEncoder out = new ByteArrayEncoder(16);
    mapping.write(value, out);
    return out.toByteArray();
  }

  @Test
  void eachKindOfFieldIsAHiddenClassThatReadsAndWritesItsComponent() throws Throwable {
    TypeMapping<?> tags =
        ((RecordMapping<Sample>) io.flowodm.schema.AvroSchemas.standard().mapping(Sample.class)).componentMapping("tags");
    RecordField[] fields = {
      field("count", int.class, Primitives.INT),
      field("total", long.class, Primitives.LONG),
      field("ratio", double.class, Primitives.DOUBLE),
      field("name", String.class, Primitives.STRING),
      field("tags", List.class, tags),
    };
    Object[] values = {3, 40_000_000_000L, 0.25, "sample", List.of("a", "b")};
    for (int i = 0; i < fields.length; i++) {
      assertThat(fields[i].getClass().isHidden()).as(fields[i].component).isTrue();
      assertThat(fields[i].get(SAMPLE)).isEqualTo(values[i]);
    }
    assertThat(written(fields[0], SAMPLE)).isEqualTo(writtenBy(Primitives.INT, 3));
    assertThat(written(fields[1], SAMPLE)).isEqualTo(writtenBy(Primitives.LONG, 40_000_000_000L));
    assertThat(written(fields[2], SAMPLE)).isEqualTo(writtenBy(Primitives.DOUBLE, 0.25));
    assertThat(written(fields[3], SAMPLE)).isEqualTo(writtenBy(Primitives.STRING, "sample"));
  }

  @Test
  void aNullInARequiredComponentIsRefusedByTheHiddenAndThePlainForm() throws Throwable {
    Sample nulls = new Sample(1, 2, 3, null, null);
    RecordField hidden = field("name", String.class, Primitives.STRING);
    @SuppressWarnings("unchecked")
    RecordField plain =
        new RecordField.PlainField(
            0, "name", "name", (TypeMapping<Object>) (TypeMapping<?>) Primitives.STRING, accessor("name", String.class), null, Set.of());
    for (RecordField f : List.of(hidden, plain)) {
      assertThatThrownBy(() -> written(f, nulls)).isInstanceOf(DataException.class).hasMessageContaining("is null, but it is required");
    }
  }

  @Test
  void thePlainFormWritesPrimitivesThroughTheirMappingAsTheHiddenOneDoes() throws Throwable {
    @SuppressWarnings("unchecked")
    RecordField plain =
        new RecordField.PlainField(
            0, "total", "total", (TypeMapping<Object>) (TypeMapping<?>) Primitives.LONG, accessor("total", long.class), null, Set.of());
    assertThat(plain.getClass().isHidden()).isFalse();
    assertThat(written(plain, SAMPLE)).isEqualTo(written(field("total", long.class, Primitives.LONG), SAMPLE));
    assertThat(plain.get(SAMPLE)).isEqualTo(40_000_000_000L);
  }
}
