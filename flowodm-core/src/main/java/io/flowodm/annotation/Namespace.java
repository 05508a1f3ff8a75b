package io.flowodm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Avro namespace of a record or enum, or of every record and enum in a package when placed
 * on {@code package-info.java}. Without it, the namespace is the Java package name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface Namespace {
  /** A dotted Avro namespace such as {@code "com.acme.events"}; empty for the null namespace. */
  String value();
}
