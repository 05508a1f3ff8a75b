package io.flowodm.schema.internal;

import io.flowodm.schema.MappingContext;
import io.flowodm.schema.TypeMapper;
import io.flowodm.schema.TypeMapping;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/** Sealed interfaces whose permitted subtypes are records, as Avro unions of those records. */
public final class Unions {
  private Unions() {}

  /** Maps a sealed interface (or sealed abstract class) of records. */
  public static final TypeMapper FACTORY = Unions::create;

  private static TypeMapping<?> create(Type type, Set<? extends Annotation> annotations, MappingContext context) {
    if (!(type instanceof Class<?> c) || !c.isSealed() || c.isRecord() || c.isEnum()) {
      return null;
    }
    if (c.isAnnotationPresent(io.flowodm.annotation.AvroDefault.class)) {
      throw context.fail(
          "@AvroDefault on the sealed type "
              + c.getSimpleName()
              + " has no meaning: Avro has defaults for fields and enums only. Put @AvroDefault on the component"
              + " that holds it, as a JSON object of the fields of its first permitted record.");
    }
    List<Class<?>> records = new ArrayList<>();
    collect(c, records, context);
    List<TypeMapping<?>> branches = new ArrayList<>();
    for (Class<?> r : records) {
      branches.add(context.lookup(r, Set.of(), "<" + r.getSimpleName() + ">"));
    }
    return new SealedUnionMapping<>(c, records, branches);
  }

  private static void collect(Class<?> sealed, List<Class<?>> out, MappingContext context) {
    for (Class<?> sub : sealed.getPermittedSubclasses()) {
      if (sub.isRecord()) {
        out.add(sub);
      } else if (sub.isSealed()) {
        collect(sub, out, context);
      } else {
        throw context.fail(
            "the sealed type "
                + sealed.getName()
                + " permits "
                + sub.getName()
                + ", which is not a record. Every permitted subtype must be a record (or a sealed type of records).");
      }
    }
  }

  /** A union index in data written with this mapping's own union schema that names no branch. */
  static DataException badIndex(int index, Schema union) {
    return badIndex(index, union, "");
  }

  /** A union index in data written with a writer's union schema that names none of its branches. */
  static DataException badWriterIndex(int index, Schema writerUnion) {
    return badIndex(index, writerUnion, "the writer's ");
  }

  private static DataException badIndex(int index, Schema union, String whose) {
    return new DataException(
        "union index "
            + index
            + " is out of range 0.."
            + (union.getTypes().size() - 1)
            + " of "
            + whose
            + Schemas.describe(union)
            + ": "
            + ByteArrayDecoder.CORRUPT);
  }

  /**
   * A reader built now when possible; otherwise one that fails with the reason when it is used,
   * since a union branch that cannot be read matters only if data in it arrives.
   */
  static <T> TypeMapping.Reader<T> lazily(Supplier<TypeMapping.Reader<T>> build) {
    try {
      return build.get();
    } catch (DataException e) {
      String reason = e.getMessage();
      return in -> {
        throw new DataException(reason);
      };
    }
  }

  /** The union of a sealed type's records, in the order the sealed type permits them. */
  public static final class SealedUnionMapping<T> extends TypeMapping<T> {
    private final Class<?> sealed;
    private final Class<?>[] classes;
    private final TypeMapping<Object>[] branches;
    private final Map<Class<?>, Integer> indexes = new IdentityHashMap<>();
    private final Schema schema;

    @SuppressWarnings("unchecked")
    SealedUnionMapping(Class<?> sealed, List<Class<?>> classes, List<TypeMapping<?>> branches) {
      this.sealed = sealed;
      this.classes = classes.toArray(new Class<?>[0]);
      this.branches = branches.toArray(new TypeMapping[0]);
      List<Schema> schemas = new ArrayList<>();
      for (int i = 0; i < this.classes.length; i++) {
        indexes.put(this.classes[i], i);
        schemas.add(this.branches[i].schema());
      }
      this.schema = Schema.createUnion(schemas);
    }

    @Override
    public Schema schema() {
      return schema;
    }

    /** The branch of a non-null value. */
    int branchIndex(Object value) {
      Integer index = indexes.get(value.getClass());
      if (index == null) {
        throw new DataException(value.getClass().getName() + " is not a permitted record of " + sealed.getName());
      }
      return index;
    }

    void writeBranch(int index, Object value, Encoder out) throws IOException {
      try {
        branches[index].write(value, out);
      } catch (RuntimeException | IOException e) {
        throw DataException.wrap(e).within("<" + classes[index].getSimpleName() + ">");
      }
    }

    Object readBranch(int index, Decoder in) throws IOException {
      if (index < 0 || index >= branches.length) {
        throw badIndex(index, schema);
      }
      try {
        return branches[index].read(in);
      } catch (RuntimeException | IOException e) {
        throw DataException.wrap(e).within("<" + classes[index].getSimpleName() + ">");
      }
    }

    @Override
    public void write(T value, Encoder out) throws IOException {
      int index = branchIndex(value);
      out.writeIndex(index);
      writeBranch(index, value, out);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T read(Decoder in) throws IOException {
      return (T) readBranch(in.readIndex(), in);
    }

    /** A reader of one non-null writer branch: the reader branch of the same name, resolved. */
    Reader<Object> resolveBranch(Schema writer, Resolver resolver) {
      for (TypeMapping<Object> branch : branches) {
        if (writer.getType() == branch.schema().getType() && Schemas.namesMatch(writer, branch.schema())) {
          return resolver.resolve(writer, branch);
        }
      }
      String fix =
          writer.getType() == Schema.Type.RECORD
              ? ". If a record was renamed, add @Aliases(\""
                  + writer.getFullName()
                  + "\") to the record it was; if it is new, permit it in the sealed "
                  + sealed.getSimpleName()
                  + "."
              : ".";
      throw new DataException(
          "data written as " + Schemas.describe(writer) + " matches no branch of " + Schemas.describe(schema) + fix);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Reader<T> resolve(Schema writer, Resolver resolver) {
      if (writer.getType() != Schema.Type.UNION) {
        return (Reader<T>) resolveBranch(writer, resolver);
      }
      List<Reader<Object>> readers = new ArrayList<>();
      for (Schema branch : writer.getTypes()) {
        if (branch.getType() == Schema.Type.NULL) {
          String target = toString();
          readers.add(
              in -> {
                throw new DataException(
                    "is null in the data, but " + target + " is required. Declare it Optional<...> or @Nullable");
              });
        } else {
          readers.add(lazily(() -> resolveBranch(branch, resolver)));
        }
      }
      return in -> {
        int index = in.readIndex();
        if (index < 0 || index >= readers.size()) {
          throw badWriterIndex(index, writer);
        }
        return (T) readers.get(index).read(in);
      };
    }

    @Override
    public String toString() {
      return "sealed " + sealed.getSimpleName() + " as " + Schemas.describe(schema);
    }
  }
}
