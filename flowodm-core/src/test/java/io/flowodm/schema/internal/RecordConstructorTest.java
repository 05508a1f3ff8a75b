package io.flowodm.schema.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.junit.jupiter.api.Test;

class RecordConstructorTest {
  record Point(int x, long y, String label) {}

  record Positive(int value) {
    Positive {
      if (value <= 0) {
        throw new IllegalArgumentException("value must be positive, was " + value);
      }
    }
  }

  private static MethodHandle canonical(Class<?> type, Class<?>... parameters) throws ReflectiveOperationException {
    return MethodHandles.lookup().findConstructor(type, MethodType.methodType(void.class, parameters));
  }

  @Test
  void constructsTheRecordFromBoxedComponentValues() throws Throwable {
    RecordConstructor point = RecordConstructor.of(canonical(Point.class, int.class, long.class, String.class));
    assertThat(point.construct(new Object[] {1, 2L, "p"})).isEqualTo(new Point(1, 2L, "p"));
  }

  @Test
  void eachRecordGetsAHiddenClassHoldingItsConstructorAsAConstant() throws Throwable {
    RecordConstructor point = RecordConstructor.of(canonical(Point.class, int.class, long.class, String.class));
    RecordConstructor positive = RecordConstructor.of(canonical(Positive.class, int.class));
    assertThat(point.getClass().isHidden()).isTrue();
    assertThat(positive.getClass().isHidden()).isTrue();
    assertThat(point.getClass()).isNotEqualTo(positive.getClass());
    assertThat(positive.construct(new Object[] {7})).isEqualTo(new Positive(7));
  }

  @Test
  void whatTheConstructorThrowsReachesTheCaller() throws Throwable {
    RecordConstructor positive = RecordConstructor.of(canonical(Positive.class, int.class));
    assertThatThrownBy(() -> positive.construct(new Object[] {0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value must be positive, was 0");
  }
}
