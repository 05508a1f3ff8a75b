/**
 * Kafka serializers and deserializers for FlowODM records in the Confluent wire format, for plain
 * kafka-clients and Kafka Streams: {@link io.flowodm.serde.FlowSerializer}, {@link
 * io.flowodm.serde.FlowDeserializer}, {@link io.flowodm.serde.FlowSerde}.
 */
package io.flowodm.serde;
