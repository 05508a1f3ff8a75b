package io.flowodm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name a record, enum or component has in the Avro schema, when it must differ from the Java
 * name (for example to match an existing schema written in snake_case).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT})
public @interface AvroName {
  /** A valid Avro name: a letter or underscore, then letters, digits and underscores. */
  String value();
}
