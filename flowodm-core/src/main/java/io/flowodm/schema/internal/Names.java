package io.flowodm.schema.internal;

import io.flowodm.annotation.AvroName;
import io.flowodm.annotation.Namespace;
import io.flowodm.schema.MappingContext;

/** The Avro name and namespace of a record or enum class, from its annotations or its Java names. */
record Names(String name, String namespace) {

  static Names of(Class<?> type, MappingContext context) {
    AvroName avroName = type.getAnnotation(AvroName.class);
    String name = avroName != null ? avroName.value() : type.getSimpleName();
    if (!Schemas.isValidName(name)) {
      throw context.fail(
          "\"" + name + "\" is not a valid Avro name (letters, digits and _, not starting with a digit). "
              + "Give the type @AvroName(\"ValidName\").");
    }
    Namespace ns = type.getAnnotation(Namespace.class);
    if (ns == null && type.getPackage() != null) {
      ns = type.getPackage().getAnnotation(Namespace.class);
    }
    String namespace = ns != null ? ns.value() : type.getPackageName();
    if (!Schemas.isValidNamespace(namespace)) {
      throw context.fail(
          "\"" + namespace + "\" is not a valid Avro namespace (dot-separated Avro names). Fix @Namespace.");
    }
    return new Names(name, namespace.isEmpty() ? null : namespace);
  }
}
