package io.flowodm.schema.internal;

import io.flowodm.schema.TypeMapping;
import java.io.IOException;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/** A mapping that converts to and from another mapping's type; see {@link TypeMapping#converting}. */
public final class ConvertingMapping<T, U> extends TypeMapping<T> {
  private final TypeMapping<U> delegate;
  private final Function<? super T, ? extends U> toStored;
  private final Function<? super U, ? extends T> fromStored;

  public ConvertingMapping(
      TypeMapping<U> delegate, Function<? super T, ? extends U> toStored, Function<? super U, ? extends T> fromStored) {
    this.delegate = delegate;
    this.toStored = toStored;
    this.fromStored = fromStored;
  }

  @Override
  public Schema schema() {
    return delegate.schema();
  }

  @Override
  public void write(T value, Encoder out) throws IOException {
    U stored = toStored.apply(value);
    if (stored == null && !delegate.acceptsNull()) {
      throw new DataException("the conversion of " + value + " returned null, which " + delegate + " cannot write");
    }
    delegate.write(stored, out);
  }

  @Override
  public T read(Decoder in) throws IOException {
    return fromStored.apply(delegate.read(in));
  }

  @Override
  public boolean acceptsNull() {
    return delegate.acceptsNull();
  }

  @Override
  public Reader<T> resolve(Schema writer, Resolver resolver) {
    Reader<U> inner = resolver.resolve(writer, delegate);
    return in -> fromStored.apply(inner.read(in));
  }

  @Override
  public String toString() {
    return "converted " + delegate;
  }
}
