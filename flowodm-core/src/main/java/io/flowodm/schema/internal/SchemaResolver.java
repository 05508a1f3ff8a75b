package io.flowodm.schema.internal;

import io.flowodm.schema.TypeMapping;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;

/**
 * Builds readers for data written with one schema into a model of another, following the Avro
 * specification's resolution rules. A writer union read into a non-union type picks a reader per
 * branch; recursive records are resolved once and referred to after. One instance per resolution;
 * not thread-safe, but the readers it returns are.
 */
public final class SchemaResolver implements TypeMapping.Resolver {
  private final Map<Schema, Map<TypeMapping<?>, Forward<?>>> records = new IdentityHashMap<>();

  private static final class Forward<V> implements TypeMapping.Reader<V> {
    TypeMapping.Reader<V> target;

    @Override
    public V read(Decoder in) throws IOException {
      return target.read(in);
    }
  }

  @Override
  public <V> TypeMapping.Reader<V> resolve(Schema writer, TypeMapping<V> reader) {
    if (writer.getType() == Schema.Type.UNION && reader.schema().getType() != Schema.Type.UNION) {
      return branches(writer, reader);
    }
    if (writer.getType() != Schema.Type.RECORD) {
      return reader.resolve(writer, this);
    }
    Map<TypeMapping<?>, Forward<?>> byReader = records.computeIfAbsent(writer, k -> new HashMap<>());
    @SuppressWarnings("unchecked")
    Forward<V> known = (Forward<V>) byReader.get(reader);
    if (known != null) {
      return known;
    }
    Forward<V> forward = new Forward<>();
    byReader.put(reader, forward);
    forward.target = reader.resolve(writer, this);
    return forward.target;
  }

  private <V> TypeMapping.Reader<V> branches(Schema writer, TypeMapping<V> reader) {
    List<TypeMapping.Reader<V>> readers = new ArrayList<>();
    for (Schema branch : writer.getTypes()) {
      if (branch.getType() == Schema.Type.NULL && !reader.acceptsNull()) {
        String target = reader.toString();
        readers.add(
            in -> {
              throw new DataException(
                  "is null in the data, but " + target + " is required. Declare it Optional<...> or @Nullable");
            });
      } else {
        readers.add(Unions.lazily(() -> resolve(branch, reader)));
      }
    }
    return in -> {
      int index = in.readIndex();
      if (index < 0 || index >= readers.size()) {
        throw Unions.badWriterIndex(index, writer);
      }
      return readers.get(index).read(in);
    };
  }
}
