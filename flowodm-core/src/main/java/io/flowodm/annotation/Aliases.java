package io.flowodm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Former names of a record, enum or component, written to the schema as Avro {@code aliases} so
 * that data written under an old name is still read after a rename.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT})
public @interface Aliases {
  /** The old names; for records and enums they may be full names ({@code com.acme.OldName}). */
  String[] value();
}
