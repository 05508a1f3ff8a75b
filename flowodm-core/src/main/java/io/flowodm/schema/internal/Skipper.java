package io.flowodm.schema.internal;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;

/** Skips over values of a writer schema that the reader does not have (removed fields). */
final class Skipper {
  private Skipper() {}

  @FunctionalInterface
  interface Skip {
    void skip(Decoder in) throws IOException;
  }

  static Skip of(Schema schema) {
    return of(schema, new IdentityHashMap<>());
  }

  private static final class Forward implements Skip {
    Skip target;

    @Override
    public void skip(Decoder in) throws IOException {
      target.skip(in);
    }
  }

  private static Skip of(Schema schema, Map<Schema, Skip> seen) {
    Skip known = seen.get(schema);
    if (known != null) {
      return known;
    }
    return switch (schema.getType()) {
      case NULL -> in -> {};
      case BOOLEAN -> Decoder::readBoolean;
      case INT, ENUM -> Decoder::readInt;
      case LONG -> Decoder::readLong;
      case FLOAT -> in -> in.skipFixed(4);
      case DOUBLE -> in -> in.skipFixed(8);
      case STRING -> Decoder::skipString;
      case BYTES -> Decoder::skipBytes;
      case FIXED -> {
        int size = schema.getFixedSize();
        yield in -> in.skipFixed(size);
      }
      case ARRAY -> {
        Skip item = of(schema.getElementType(), seen);
        int min = Schemas.minSize(schema.getElementType());
        yield in -> {
          for (long n = in.skipArray(); n != 0; n = in.skipArray()) {
            ByteArrayDecoder.checkItemCount(in, n, min, "an array");
            for (long i = 0; i < n; i++) {
              item.skip(in);
            }
          }
        };
      }
      case MAP -> {
        Skip value = of(schema.getValueType(), seen);
        int min = 1 + Schemas.minSize(schema.getValueType());
        yield in -> {
          for (long n = in.skipMap(); n != 0; n = in.skipMap()) {
            ByteArrayDecoder.checkItemCount(in, n, min, "a map");
            for (long i = 0; i < n; i++) {
              in.skipString();
              value.skip(in);
            }
          }
        };
      }
      case UNION -> {
        List<Schema> types = schema.getTypes();
        Skip[] branches = new Skip[types.size()];
        for (int i = 0; i < branches.length; i++) {
          branches[i] = of(types.get(i), seen);
        }
        yield in -> {
          int index = in.readIndex();
          if (index < 0 || index >= branches.length) {
            throw Unions.badWriterIndex(index, schema);
          }
          branches[index].skip(in);
        };
      }
      case RECORD -> {
        Forward forward = new Forward();
        seen.put(schema, forward);
        List<Schema.Field> fields = schema.getFields();
        Skip[] parts = new Skip[fields.size()];
        for (int i = 0; i < parts.length; i++) {
          parts[i] = of(fields.get(i).schema(), seen);
        }
        forward.target =
            in -> {
              for (Skip part : parts) {
                part.skip(in);
              }
            };
        yield forward;
      }
    };
  }
}
