package io.flowodm.schema.internal;

import io.flowodm.schema.TypeMapping;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/**
 * A record class as an Avro record. Accessors and the canonical constructor are resolved once;
 * reading fills an {@code Object[]} and calls the constructor once.
 */
public final class RecordMapping<R> extends TypeMapping<R> {
  private final Class<R> type;
  private final Schema schema;
  private RecordField[] fields;
  private RecordConstructor constructor;

  RecordMapping(Class<R> type, Schema schema) {
    this.type = type;
    this.schema = schema;
  }

  void complete(List<RecordField> fields, MethodHandle canonical) {
    this.fields = fields.toArray(new RecordField[0]);
    this.constructor = RecordConstructor.of(canonical);
  }

  /** The record class. */
  public Class<R> type() {
    return type;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  /** The value of the component named {@code component} (its Java name) in {@code record}. */
  public Object component(R record, String component) {
    for (RecordField f : fields) {
      if (f.component.equals(component)) {
        try {
          return f.get(record);
        } catch (Error e) {
          throw e;
        } catch (Throwable t) {
          throw DataException.wrap(t).within("." + component);
        }
      }
    }
    throw new IllegalArgumentException(type.getName() + " has no component " + component);
  }

  /** The mapping of the component named {@code component}. */
  public TypeMapping<Object> componentMapping(String component) {
    for (RecordField f : fields) {
      if (f.component.equals(component)) {
        return f.mapping;
      }
    }
    throw new IllegalArgumentException(type.getName() + " has no component " + component);
  }

  @Override
  public void write(R value, Encoder out) throws IOException {
    RecordField[] fs = fields;
    for (RecordField f : fs) {
      try {
        f.write(value, out);
      } catch (Error e) {
        throw e; // a stack overflow or out of memory is not a bad value
      } catch (Throwable t) {
        throw DataException.wrap(t).within("." + f.component);
      }
    }
  }

  @Override
  public R read(Decoder in) throws IOException {
    RecordField[] fs = fields;
    Object[] args = new Object[fs.length];
    for (int i = 0; i < fs.length; i++) {
      try {
        args[i] = fs[i].read(in);
      } catch (RuntimeException | IOException e) {
        throw DataException.wrap(e).within("." + fs[i].component);
      }
    }
    return construct(args);
  }

  @SuppressWarnings("unchecked")
  R construct(Object[] args) {
    try {
      return (R) constructor.construct(args);
    } catch (Throwable t) {
      throw new DataException(
          "the constructor of " + type.getSimpleName() + " rejected the values read: " + t, t);
    }
  }

  @Override
  public Reader<R> resolve(Schema writer, Resolver resolver) {
    if (writer.getType() != Schema.Type.RECORD || !Schemas.namesMatch(writer, schema)) {
      throw new DataException(
          "data written as "
              + Schemas.describe(writer)
              + " cannot be read as "
              + Schemas.describe(schema)
              + ". If the record was renamed, list the old name in @Aliases on "
              + type.getSimpleName()
              + ".");
    }
    RecordField[] fs = fields;
    boolean[] filled = new boolean[fs.length];
    List<Step> steps = new ArrayList<>();
    Set<String> writerNames = new HashSet<>();
    writer.getFields().forEach(wf -> writerNames.add(wf.name()));
    for (Schema.Field wf : writer.getFields()) {
      RecordField rf = match(wf, writerNames, filled);
      if (rf == null) {
        Skipper.Skip skip = Skipper.of(wf.schema());
        String skipped = "." + wf.name() + " (a writer's field this record does not have)";
        steps.add(
            (in, args) -> {
              try {
                skip.skip(in);
              } catch (RuntimeException | IOException e) {
                throw DataException.wrap(e).within(skipped);
              }
            });
        continue;
      }
      Reader<Object> reader;
      try {
        reader = resolver.resolve(wf.schema(), rf.mapping);
      } catch (RuntimeException e) {
        throw DataException.wrap(e).within("." + rf.component);
      }
      filled[rf.index] = true;
      int slot = rf.index;
      String component = rf.component;
      steps.add(
          (in, args) -> {
            try {
              args[slot] = reader.read(in);
            } catch (RuntimeException | IOException e) {
              throw DataException.wrap(e).within("." + component);
            }
          });
    }
    for (RecordField rf : fs) {
      if (filled[rf.index]) {
        continue;
      }
      if (rf.defaultBytes == null) {
        throw new DataException(
                "is not in the writer's schema "
                    + writer.getFullName()
                    + " and has no default. Give it an @AvroDefault, or declare it Optional<...>, so older data can be read")
            .within("." + rf.component);
      }
      byte[] bytes = rf.defaultBytes;
      TypeMapping<Object> mapping = rf.mapping;
      int slot = rf.index;
      steps.add((in, args) -> args[slot] = mapping.read(new ByteArrayDecoder(bytes)));
    }
    Step[] plan = steps.toArray(new Step[0]);
    int n = fs.length;
    return in -> {
      Object[] args = new Object[n];
      for (Step step : plan) {
        step.run(in, args);
      }
      return construct(args);
    };
  }

  /**
   * The reader field a writer field is read into: the one of the same name, else one that lists
   * the writer's name among its aliases, provided the writer has no field of the reader field's own
   * name and no other writer field was matched to it already (so each reader field takes one writer
   * field, the exact name first, as Avro resolves them).
   */
  private RecordField match(Schema.Field writerField, Set<String> writerNames, boolean[] filled) {
    for (RecordField rf : fields) {
      if (rf.name.equals(writerField.name())) {
        return rf;
      }
    }
    for (RecordField rf : fields) {
      if (rf.aliases.contains(writerField.name()) && !writerNames.contains(rf.name) && !filled[rf.index]) {
        return rf;
      }
    }
    return null;
  }

  @FunctionalInterface
  private interface Step {
    void run(Decoder in, Object[] args) throws IOException;
  }

  @Override
  public String toString() {
    return "record " + type.getSimpleName() + " as " + schema.getFullName();
  }
}
