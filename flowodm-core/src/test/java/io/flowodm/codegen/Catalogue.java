package io.flowodm.codegen;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Schemas that cover every row of the type table and every annotation, each with the generator
 * options it is generated with. Each entry gets its own Java package so that all of them compile
 * together.
 */
final class Catalogue {
  private Catalogue() {}

  /** A schema and how to configure the generator for it. */
  record Entry(String id, String json, UnaryOperator<RecordSourceGenerator.Builder> options) {
    @Override
    public String toString() {
      return id;
    }
  }

  private static Entry entry(String id, String json) {
    return new Entry(id, json, b -> b.packageName("gen." + id));
  }

  private static Entry ownPackage(String id, String json) {
    return new Entry(id, json, b -> b);
  }

  /** The order schema of the README-style example, also checked line by line in RecordSourceGeneratorTest. */
  static final String ORDER =
      """
      {"type": "record", "name": "Order", "namespace": "com.acme.orders", "doc": "An order as placed.", "fields": [
        {"name": "id", "type": "string"},
        {"name": "placedAt", "type": {"type": "long", "logicalType": "timestamp-micros"}, "doc": "When it was placed."},
        {"name": "lines", "type": {"type": "array", "items": {"type": "record", "name": "Line", "fields": [
          {"name": "sku", "type": "string"},
          {"name": "price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}}]}}},
        {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["NEW", "PAID", "UNKNOWN"],
          "default": "UNKNOWN"}, "default": "NEW"},
        {"name": "note", "type": ["null", "string"], "default": null},
        {"name": "attempts", "type": ["null", "int"], "default": null}
      ]}
      """;

  /** The options of the order example. */
  static RecordSourceGenerator.Builder orderOptions(RecordSourceGenerator.Builder b) {
    return b.packageName("com.acme.events").className("OrderEvent").topic("orders").group("billing").key("id");
  }

  static final List<Entry> ENTRIES =
      List.of(
          new Entry("order", ORDER, Catalogue::orderOptions),
          ownPackage(
              "primitives",
              """
              {"type": "record", "name": "Primitives", "namespace": "cat.primitives", "fields": [
                {"name": "flag", "type": "boolean"},
                {"name": "count", "type": "int"},
                {"name": "total", "type": "long"},
                {"name": "ratio", "type": "float"},
                {"name": "amount", "type": "double"},
                {"name": "label", "type": "string"},
                {"name": "blob", "type": "bytes"}
              ]}
              """),
          entry(
              "nullables",
              """
              {"type": "record", "name": "Nullables", "namespace": "com.acme", "fields": [
                {"name": "flag", "type": ["null", "boolean"], "default": null},
                {"name": "count", "type": ["null", "int"], "default": null},
                {"name": "total", "type": ["null", "long"], "default": null},
                {"name": "ratio", "type": ["null", "float"], "default": null},
                {"name": "amount", "type": ["null", "double"], "default": null},
                {"name": "label", "type": ["null", "string"], "default": null},
                {"name": "blob", "type": ["null", "bytes"], "default": null},
                {"name": "day", "type": ["null", {"type": "int", "logicalType": "date"}], "default": null},
                {"name": "id", "type": ["null", {"type": "string", "logicalType": "uuid"}], "default": null},
                {"name": "at", "type": ["null", {"type": "long", "logicalType": "timestamp-micros"}], "default": null},
                {"name": "price", "type": ["null", {"type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 3}],
                 "default": null},
                {"name": "point", "type": ["null", {"type": "record", "name": "Point", "fields": [
                  {"name": "x", "type": "int"}, {"name": "y", "type": "int"}]}], "default": null},
                {"name": "color", "type": ["null", {"type": "enum", "name": "Color", "symbols": ["RED", "GREEN"]}],
                 "default": null},
                {"name": "tags", "type": ["null", {"type": "array", "items": "string"}], "default": null},
                {"name": "scores", "type": ["null", {"type": "array", "items": "long"}], "default": null},
                {"name": "attrs", "type": ["null", {"type": "map", "values": "string"}], "default": null}
              ]}
              """),
          entry(
              "nullLast",
              """
              {"type": "record", "name": "NullLast", "namespace": "com.acme", "fields": [
                {"name": "count", "type": ["int", "null"], "default": 5},
                {"name": "label", "type": ["string", "null"], "default": "x"},
                {"name": "flag", "type": ["boolean", "null"], "default": true},
                {"name": "amount", "type": ["double", "null"], "default": 1.5},
                {"name": "ids", "type": [{"type": "array", "items": "int"}, "null"], "default": [1, 2]},
                {"name": "point", "type": [{"type": "record", "name": "Point", "fields": [
                  {"name": "x", "type": "int"}, {"name": "y", "type": "int", "default": 0}]}, "null"],
                 "default": {"x": 1}},
                {"name": "day", "type": [{"type": "int", "logicalType": "date"}, "null"], "default": 19000}
              ]}
              """),
          entry(
              "logical",
              """
              {"type": "record", "name": "Logical", "namespace": "com.acme", "fields": [
                {"name": "tsMillis", "type": {"type": "long", "logicalType": "timestamp-millis"}},
                {"name": "tsMicros", "type": {"type": "long", "logicalType": "timestamp-micros"}},
                {"name": "tsNanos", "type": {"type": "long", "logicalType": "timestamp-nanos"}},
                {"name": "localMillis", "type": {"type": "long", "logicalType": "local-timestamp-millis"}},
                {"name": "localMicros", "type": {"type": "long", "logicalType": "local-timestamp-micros"}},
                {"name": "localNanos", "type": {"type": "long", "logicalType": "local-timestamp-nanos"}},
                {"name": "day", "type": {"type": "int", "logicalType": "date"}},
                {"name": "timeMillis", "type": {"type": "int", "logicalType": "time-millis"}},
                {"name": "timeMicros", "type": {"type": "long", "logicalType": "time-micros"}},
                {"name": "id", "type": {"type": "string", "logicalType": "uuid"}},
                {"name": "price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}},
                {"name": "whole", "type": {"type": "bytes", "logicalType": "decimal", "precision": 38, "scale": 0}}
              ]}
              """),
          entry(
              "containers",
              """
              {"type": "record", "name": "Containers", "namespace": "com.acme", "fields": [
                {"name": "ints", "type": {"type": "array", "items": "int"}},
                {"name": "longs", "type": {"type": "array", "items": "long"}},
                {"name": "floats", "type": {"type": "array", "items": "float"}},
                {"name": "doubles", "type": {"type": "array", "items": "double"}},
                {"name": "flags", "type": {"type": "array", "items": "boolean"}},
                {"name": "names", "type": {"type": "array", "items": "string"}},
                {"name": "blobs", "type": {"type": "array", "items": "bytes"}},
                {"name": "grid", "type": {"type": "array", "items": {"type": "array", "items": "int"}}},
                {"name": "maybeInts", "type": {"type": "array", "items": ["null", "int"]}},
                {"name": "maybeNames", "type": {"type": "array", "items": ["null", "string"]}},
                {"name": "times", "type": {"type": "array", "items": {"type": "long", "logicalType": "timestamp-micros"}}},
                {"name": "byName", "type": {"type": "map", "values": "string"}},
                {"name": "counts", "type": {"type": "map", "values": "long"}},
                {"name": "maybeCounts", "type": {"type": "map", "values": ["null", "long"]}},
                {"name": "rows", "type": {"type": "map", "values": {"type": "array", "items": "int"}}},
                {"name": "prices", "type": {"type": "map", "values":
                  {"type": "bytes", "logicalType": "decimal", "precision": 6, "scale": 2}}},
                {"name": "maps", "type": {"type": "array", "items": {"type": "map", "values": "string"}}},
                {"name": "lines", "type": {"type": "array", "items": {"type": "record", "name": "Line", "fields": [
                  {"name": "sku", "type": "string"}, {"name": "qty", "type": "int"}]}}},
                {"name": "lineBySku", "type": {"type": "map", "values": "Line"}},
                {"name": "states", "type": {"type": "array", "items":
                  {"type": "enum", "name": "State", "symbols": ["OPEN", "CLOSED"]}}}
              ]}
              """),
          entry(
              "enums",
              """
              {"type": "record", "name": "Enums", "namespace": "com.acme", "fields": [
                {"name": "color", "type": {"type": "enum", "name": "Color", "doc": "A \\"color\\".",
                  "aliases": ["Colour", "old.Hue"], "symbols": ["RED", "GREEN", "UNKNOWN"], "default": "UNKNOWN"}},
                {"name": "again", "type": "Color", "default": "GREEN"},
                {"name": "size", "type": {"type": "enum", "name": "Size", "namespace": "com.other",
                  "symbols": ["S", "M", "L"]}},
                {"name": "sizes", "type": {"type": "array", "items": "com.other.Size"}}
              ]}
              """),
          entry(
              "nested",
              """
              {"type": "record", "name": "Order", "namespace": "com.acme", "fields": [
                {"name": "customer", "type": {"type": "record", "name": "Customer", "fields": [
                  {"name": "name", "type": "string"},
                  {"name": "address", "type": {"type": "record", "name": "Address", "fields": [
                    {"name": "street", "type": "string"}, {"name": "zip", "type": ["null", "string"], "default": null}]}}
                ]}},
                {"name": "billing", "type": "Address"},
                {"name": "shipping", "type": ["null", "Address"], "default": null},
                {"name": "head", "type": {"type": "record", "name": "Node", "fields": [
                  {"name": "value", "type": "int"},
                  {"name": "next", "type": ["null", "Node"], "default": null},
                  {"name": "children", "type": {"type": "array", "items": "Node"}}
                ]}},
                {"name": "a", "type": {"type": "record", "name": "A", "fields": [
                  {"name": "b", "type": ["null", {"type": "record", "name": "B", "fields": [
                    {"name": "as", "type": {"type": "array", "items": "A"}}]}], "default": null}]}},
                {"name": "empty", "type": {"type": "record", "name": "Empty", "fields": []}}
              ]}
              """),
          entry(
              "defaults",
              """
              {"type": "record", "name": "Defaults", "namespace": "com.acme", "fields": [
                {"name": "i", "type": "int", "default": -7},
                {"name": "l", "type": "long", "default": 5000000000},
                {"name": "lSmall", "type": "long", "default": 3},
                {"name": "f", "type": "float", "default": 1.5},
                {"name": "d", "type": "double", "default": -0.25},
                {"name": "dWhole", "type": "double", "default": 2},
                {"name": "b", "type": "boolean", "default": true},
                {"name": "s", "type": "string", "default": "say \\"hi\\"\\n\\t\\\\ caf\\u00e9 \\u4e2d \\ud83d\\ude00 */"},
                {"name": "empty", "type": "string", "default": ""},
                {"name": "raw", "type": "bytes", "default": "\\u00ff\\u0000A"},
                {"name": "color", "type": {"type": "enum", "name": "Color", "symbols": ["RED", "BLUE"]}, "default": "BLUE"},
                {"name": "none", "type": {"type": "array", "items": "string"}, "default": []},
                {"name": "some", "type": {"type": "array", "items": "int"}, "default": [1, 2, 3]},
                {"name": "noMap", "type": {"type": "map", "values": "string"}, "default": {}},
                {"name": "aMap", "type": {"type": "map", "values": ["null", "int"]}, "default": {"a": null, "b": null}},
                {"name": "point", "type": {"type": "record", "name": "Point", "fields": [
                  {"name": "x", "type": "int"}, {"name": "label", "type": ["null", "string"], "default": null}]},
                 "default": {"x": 3, "label": null}},
                {"name": "id", "type": {"type": "string", "logicalType": "uuid"},
                 "default": "123e4567-e89b-12d3-a456-426614174000"},
                {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}, "default": 0},
                {"name": "day", "type": {"type": "int", "logicalType": "date"}, "default": 19000},
                {"name": "price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 4, "scale": 2},
                 "default": "\\u0001"}
              ]}
              """),
          entry(
              "keywords",
              """
              {"type": "record", "name": "Keywords", "namespace": "com.acme", "fields": [
                {"name": "class", "type": "string"},
                {"name": "class_", "type": "string"},
                {"name": "int", "type": "int"},
                {"name": "default", "type": "string", "default": "d"},
                {"name": "_", "type": "int"},
                {"name": "true", "type": "boolean"},
                {"name": "null", "type": ["null", "string"], "default": null},
                {"name": "hashCode", "type": "int"},
                {"name": "toString", "type": "string"},
                {"name": "getClass", "type": "string"},
                {"name": "wait", "type": "long"},
                {"name": "record", "type": "string"},
                {"name": "var", "type": "string"},
                {"name": "yield", "type": "string"},
                {"name": "String", "type": "string"},
                {"name": "TimePrecision", "type": {"type": "long", "logicalType": "timestamp-micros"}},
                {"name": "snake_case_name", "type": "int"},
                {"name": "rec", "type": {"type": "record", "name": "record", "fields": [
                  {"name": "enum", "type": {"type": "enum", "name": "enum", "symbols": ["A"]}}]}}
              ]}
              """),
          new Entry(
              "shadowing",
              """
              {"type": "record", "name": "Shadowing", "namespace": "com.acme", "fields": [
                {"name": "text", "type": {"type": "record", "name": "String", "fields": [{"name": "value", "type": "string"}]}},
                {"name": "list", "type": {"type": "record", "name": "List", "fields": [
                  {"name": "items", "type": {"type": "array", "items": "string"}}]}},
                {"name": "doc", "type": {"type": "record", "name": "Doc", "doc": "A record named Doc.", "fields": [
                  {"name": "at", "type": {"type": "long", "logicalType": "timestamp-nanos"}}]}, "doc": "uses Doc"},
                {"name": "rec", "type": {"type": "record", "name": "Record", "fields": [{"name": "n", "type": "int"}]}},
                {"name": "err", "type": {"type": "record", "name": "Error", "fields": [{"name": "m", "type": "string"}]}},
                {"name": "optional", "type": ["null", {"type": "record", "name": "Optional", "fields": []}], "default": null},
                {"name": "instant", "type": {"type": "record", "name": "Instant", "fields": [
                  {"name": "at", "type": {"type": "long", "logicalType": "timestamp-micros"}},
                  {"name": "ats", "type": {"type": "array", "items": {"type": "long", "logicalType": "timestamp-micros"}}}
                ]}},
                {"name": "stamp", "type": {"type": "record", "name": "Timestamp", "fields": [
                  {"name": "at", "type": ["null", {"type": "long", "logicalType": "timestamp-micros"}], "default": null},
                  {"name": "price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 5, "scale": 1}}]}},
                {"name": "Key", "type": {"type": "record", "name": "Key", "fields": []}},
                {"name": "labels", "type": {"type": "array", "items": "string"}},
                {"name": "lists", "type": {"type": "array", "items": "List"}}
              ]}
              """,
              b -> b.packageName("gen.shadowing").topic("shadows").key("Key")),
          entry(
              "docs",
              """
              {"type": "record", "name": "Docs", "namespace": "com.acme",
               "doc": "Quotes \\" and backslashes \\\\ and \\\\u000a, newlines\\nand\\r\\ntabs\\t, caf\\u00e9 \\u4e2d \\ud83d\\ude00, ctrl \\u0001\\u007f, */ end",
               "fields": [
                {"name": "a", "type": "string", "doc": ""},
                {"name": "b", "type": "int", "doc": "line one\\nline two \\"quoted\\""}
              ]}
              """),
          entry(
              "aliases",
              """
              {"type": "record", "name": "Aliased", "namespace": "com.acme", "aliases": ["Old", "org.legacy.Older"],
               "fields": [
                {"name": "name", "type": "string", "aliases": ["title", "label"]},
                {"name": "count", "type": "int", "aliases": ["n"], "doc": "how many", "default": 0},
                {"name": "kind", "type": {"type": "enum", "name": "Kind", "aliases": ["Sort"], "symbols": ["X"]}}
              ]}
              """),
          entry(
              "namespaces",
              """
              {"type": "record", "name": "Envelope", "namespace": "com.acme.events", "fields": [
                {"name": "a", "type": {"type": "record", "name": "Item", "namespace": "com.a", "fields": [
                  {"name": "n", "type": "int"}]}},
                {"name": "b", "type": {"type": "record", "name": "Item", "namespace": "com.b", "fields": [
                  {"name": "s", "type": "string"}]}},
                {"name": "c", "type": {"type": "record", "name": "item", "namespace": "com.c", "fields": []}},
                {"name": "d", "type": {"type": "record", "name": "Bare", "namespace": "", "fields": [
                  {"name": "inner", "type": {"type": "record", "name": "Inner", "fields": []}}]}},
                {"name": "e", "type": {"type": "record", "name": "Sub", "fields": []}}
              ]}
              """),
          entry(
              "unions",
              """
              {"type": "record", "name": "Payment", "namespace": "com.acme", "fields": [
                {"name": "method", "type": [
                  {"type": "record", "name": "Card", "fields": [{"name": "number", "type": "string"}]},
                  {"type": "record", "name": "Cash", "fields": [{"name": "currency", "type": "string", "default": "EUR"}]}
                ]},
                {"name": "fallback", "type": ["null", "Card", "Cash"], "default": null},
                {"name": "preferred", "type": ["Cash", "Card", "null"], "default": {"currency": "USD"}},
                {"name": "history", "type": {"type": "array", "items": ["Card", "Cash"]}},
                {"name": "byDay", "type": {"type": "map", "values": ["null", "Card", "Cash"]}},
                {"name": "only", "type": [{"type": "record", "name": "Voucher", "fields": [{"name": "code", "type": "string"}]}]},
                {"name": "withDefault", "type": ["Card", "Cash"], "default": {"number": "4111"}},
                {"name": "named", "type": {"type": "record", "name": "CardOrCash", "fields": []}}
              ]}
              """),
          entry(
              "expr",
              """
              {"type": "record", "name": "Add", "namespace": "com.acme.expr", "fields": [
                {"name": "left", "type": [{"type": "record", "name": "Lit", "fields": [{"name": "value", "type": "long"}]}, "Add"]},
                {"name": "right", "type": ["Lit", "Add"]},
                {"name": "history", "type": {"type": "array", "items": ["null", "Lit", "Add"]}}
              ]}
              """),
          new Entry(
              "options",
              """
              {"type": "record", "name": "Order", "namespace": "com.acme.orders", "fields": [
                {"name": "id", "type": "string"},
                {"name": "qty", "type": "int"}
              ]}
              """,
              b -> b.packageName("gen.options").className("OrderEvent").topic("orders").group("billing").key("id")),
          new Entry(
              "topicOnly",
              """
              {"type": "record", "name": "Ping", "namespace": "gen.topicOnly", "fields": [{"name": "class", "type": "long"}]}
              """,
              b -> b.topic("pings").key("class")),
          new Entry(
              "unnamedPackage",
              """
              {"type": "record", "name": "TopLevelThing", "fields": [
                {"name": "x", "type": {"type": "record", "name": "TopLevelPart", "namespace": "com.acme", "fields": []}}
              ]}
              """,
              b -> b));
}
