package io.flowodm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a record to the Kafka topic its instances are written to and read from.
 *
 * <p>The settings other than {@link #value()} are used only where FlowODM creates the topic
 * or picks a consumer group; an existing topic is never altered.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Topic {
  /** The topic name, for example {@code "orders"}. */
  String value();

  /** Default consumer group for consumers of this topic; empty for none. */
  String group() default "";

  /** Schema Registry subject to use instead of the one the naming strategy derives; empty for the default. */
  String subject() default "";

  /** Partitions when the topic is created; -1 for the broker default. */
  int partitions() default -1;

  /** Replication factor when the topic is created; -1 for the broker default. */
  int replicas() default -1;

  /** Topic configs when the topic is created, each {@code "key=value"}, e.g. {@code "retention.ms=604800000"}. */
  String[] config() default {};
}
