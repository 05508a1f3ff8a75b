/**
 * The record codec: {@link io.flowodm.codec.AvroCodec} writes records as Avro binary, byte for
 * byte what Avro's own writer produces, and reads them back with schema resolution.
 */
package io.flowodm.codec;
