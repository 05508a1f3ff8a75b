package io.flowodm.registry;

import io.flowodm.FlowException;

/**
 * Bytes are not a Confluent wire-format frame: shorter than the 5-byte header, a first byte other
 * than the magic byte 0, or a negative schema id. The message shows the first bytes in hex and
 * what was expected; a Kafka deserializer wraps it with the topic, partition and offset.
 */
public class InvalidFrameException extends FlowException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public InvalidFrameException(String message) {
    super(message);
  }
}
