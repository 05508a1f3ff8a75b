package io.flowodm.schema.internal;

import io.flowodm.annotation.Aliases;
import io.flowodm.annotation.AvroDefault;
import io.flowodm.annotation.Doc;
import io.flowodm.schema.MappingContext;
import io.flowodm.schema.TypeMapper;
import io.flowodm.schema.TypeMapping;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/** Java enums as Avro enums whose symbols are the constant names. */
public final class Enums {
  private Enums() {}

  /** Maps enum types; each is defined once per schema and referenced by name after. */
  public static final TypeMapper FACTORY = Enums::create;

  private static TypeMapping<?> create(Type type, Set<? extends Annotation> annotations, MappingContext context) {
    if (!(type instanceof Class<?> c) || !c.isEnum()) {
      return null;
    }
    NamedTypes named = NamedTypes.of(context);
    TypeMapping<?> existing = named.get(c);
    if (existing != null) {
      return existing;
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    EnumMapping<?> mapping = new EnumMapping(c, context);
    named.define(c, mapping, context);
    return mapping;
  }

  /** An enum, written as the constant's position among the symbols. */
  public static final class EnumMapping<E extends Enum<E>> extends TypeMapping<E> {
    private final Class<E> type;
    private final E[] constants;
    private final Schema schema;
    private final E defaultConstant;

    EnumMapping(Class<E> type, MappingContext context) {
      this.type = type;
      this.constants = type.getEnumConstants();
      List<String> symbols = new ArrayList<>();
      for (E e : constants) {
        if (!Schemas.isValidName(e.name())) {
          throw context.fail(
              "the constant "
                  + e.name()
                  + " is not a valid Avro enum symbol (letters, digits and _, not starting with a digit). Rename it.");
        }
        symbols.add(e.name());
      }
      if (symbols.isEmpty()) {
        throw context.fail("the enum has no constants, and Avro enums need at least one symbol. Add a constant.");
      }
      AvroDefault def = type.getAnnotation(AvroDefault.class);
      String defaultSymbol = null;
      E defaultConstant = null;
      if (def != null) {
        defaultSymbol = def.value().strip();
        if (defaultSymbol.length() >= 2 && defaultSymbol.startsWith("\"") && defaultSymbol.endsWith("\"")) {
          defaultSymbol = defaultSymbol.substring(1, defaultSymbol.length() - 1);
        }
        if (!symbols.contains(defaultSymbol)) {
          throw context.fail(
              "@AvroDefault(\"" + def.value() + "\") names no constant of the enum. Use one of " + symbols + ".");
        }
        defaultConstant = Enum.valueOf(type, defaultSymbol);
      }
      this.defaultConstant = defaultConstant;
      Names names = Names.of(type, context);
      Doc doc = type.getAnnotation(Doc.class);
      this.schema =
          Schema.createEnum(names.name(), doc == null ? null : doc.value(), names.namespace(), symbols, defaultSymbol);
      Aliases aliases = type.getAnnotation(Aliases.class);
      if (aliases != null) {
        for (String alias : aliases.value()) {
          schema.addAlias(alias);
        }
      }
    }

    @Override
    public Schema schema() {
      return schema;
    }

    @Override
    public void write(E value, Encoder out) throws IOException {
      out.writeEnum(value.ordinal());
    }

    @Override
    public E read(Decoder in) throws IOException {
      int index = in.readEnum();
      if (index < 0 || index >= constants.length) {
        throw new DataException(
            "enum index "
                + index
                + " is out of range 0.."
                + (constants.length - 1)
                + " of "
                + schema.getFullName()
                + ": "
                + ByteArrayDecoder.CORRUPT);
      }
      return constants[index];
    }

    @Override
    public Reader<E> resolve(Schema writer, Resolver resolver) {
      if (writer.getType() != Schema.Type.ENUM) {
        throw new DataException(
            "data written as " + Schemas.describe(writer) + " cannot be read as " + Schemas.describe(schema));
      }
      if (!Schemas.namesMatch(writer, schema)) {
        throw new DataException(
            "data written as "
                + Schemas.describe(writer)
                + " cannot be read as "
                + Schemas.describe(schema)
                + ". If the enum was renamed, add @Aliases(\""
                + writer.getFullName()
                + "\") to "
                + type.getSimpleName()
                + ".");
      }
      List<String> symbols = writer.getEnumSymbols();
      List<E> mapped = new ArrayList<>(symbols.size());
      for (String symbol : symbols) {
        E match = null;
        for (E e : constants) {
          if (e.name().equals(symbol)) {
            match = e;
          }
        }
        mapped.add(match != null ? match : defaultConstant);
      }
      return in -> {
        int index = in.readEnum();
        if (index < 0 || index >= mapped.size()) {
          throw new DataException(
              "enum index "
                  + index
                  + " is out of range 0.."
                  + (mapped.size() - 1)
                  + " of the writer's "
                  + writer.getFullName()
                  + ": "
                  + ByteArrayDecoder.CORRUPT);
        }
        E e = mapped.get(index);
        if (e == null) {
          throw new DataException(
              "the writer's symbol "
                  + symbols.get(index)
                  + " is not a constant of "
                  + type.getName()
                  + ", which has no default. Add the constant, or mark one as the default with @AvroDefault on the enum.");
        }
        return e;
      };
    }

    @Override
    public String toString() {
      return "enum " + type.getSimpleName() + " as " + schema.getFullName();
    }
  }
}
