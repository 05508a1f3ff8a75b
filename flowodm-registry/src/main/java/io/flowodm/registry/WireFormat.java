package io.flowodm.registry;

import java.util.HexFormat;
import java.util.Objects;

/**
 * The Confluent wire format that every Confluent-compatible Avro serializer writes: the magic byte
 * 0, the schema id as a 4-byte big-endian int, then the Avro binary body.
 *
 * <p>All methods are static and thread-safe. Reading methods throw {@link InvalidFrameException}
 * with the first bytes in hex when the bytes are not a frame.
 */
public final class WireFormat {
  /** The first byte of every frame. */
  public static final byte MAGIC_BYTE = 0;

  /** Bytes before the Avro body: the magic byte and the 4-byte schema id. */
  public static final int HEADER_SIZE = 5;

  private static final int SHOWN_BYTES = 16;
  private static final String HINT =
      " Check that this topic is written by a Confluent or FlowODM Avro serializer.";

  private WireFormat() {}

  /**
   * A new frame holding the header for {@code schemaId} and a copy of {@code body}.
   *
   * @throws IllegalArgumentException when the schema id is negative
   */
  public static byte[] frame(int schemaId, byte[] body) {
    Objects.requireNonNull(body, "body");
    byte[] frame = new byte[HEADER_SIZE + body.length];
    writeHeader(schemaId, frame, 0);
    System.arraycopy(body, 0, frame, HEADER_SIZE, body.length);
    return frame;
  }

  /**
   * Writes the 5-byte header for {@code schemaId} into {@code buffer} at {@code offset}, for
   * callers that encode the body straight after it.
   *
   * @return the offset just after the header, where the body starts
   * @throws IllegalArgumentException when the schema id is negative or the header does not fit
   */
  public static int writeHeader(int schemaId, byte[] buffer, int offset) {
    Objects.requireNonNull(buffer, "buffer");
    if (schemaId < 0) {
      throw new IllegalArgumentException(
          "Schema id " + schemaId + " is negative; registries assign ids from 0 upward.");
    }
    if (offset < 0 || buffer.length - offset < HEADER_SIZE) {
      throw new IllegalArgumentException(
          "A frame header needs 5 bytes at offset " + offset + " but the buffer has "
              + buffer.length + " bytes.");
    }
    buffer[offset] = MAGIC_BYTE;
    buffer[offset + 1] = (byte) (schemaId >>> 24);
    buffer[offset + 2] = (byte) (schemaId >>> 16);
    buffer[offset + 3] = (byte) (schemaId >>> 8);
    buffer[offset + 4] = (byte) schemaId;
    return offset + HEADER_SIZE;
  }

  /**
   * The schema id in {@code frame}'s header, after checking the frame.
   *
   * @throws InvalidFrameException when the frame is shorter than 5 bytes, does not start with the
   *     magic byte 0, or holds a negative schema id
   */
  public static int schemaId(byte[] frame) {
    validate(frame);
    return readId(frame);
  }

  /** Where the Avro body starts in a frame: 5. */
  public static int bodyOffset() {
    return HEADER_SIZE;
  }

  /**
   * The length of the Avro body in {@code frame}.
   *
   * @throws InvalidFrameException when {@code frame} is not a frame
   */
  public static int bodyLength(byte[] frame) {
    validate(frame);
    return frame.length - HEADER_SIZE;
  }

  /** Whether {@code bytes} is long enough and starts with the magic byte; does not throw. */
  public static boolean isFramed(byte[] bytes) {
    return bytes != null && bytes.length >= HEADER_SIZE && bytes[0] == MAGIC_BYTE;
  }

  /**
   * Checks that {@code frame} is a frame.
   *
   * @throws InvalidFrameException naming what is wrong, with the first bytes in hex
   */
  public static void validate(byte[] frame) {
    Objects.requireNonNull(frame, "frame");
    if (frame.length < HEADER_SIZE) {
      throw new InvalidFrameException(
          "Not a Confluent wire-format frame: " + frame.length + " byte"
              + (frame.length == 1 ? "" : "s") + describe(frame)
              + ", but a frame has at least 5: the magic byte 0x00 and a 4-byte schema id."
              + HINT);
    }
    if (frame[0] != MAGIC_BYTE) {
      throw new InvalidFrameException(
          "Not a Confluent wire-format frame: the first byte is "
              + String.format("0x%02x", frame[0] & 0xff) + ", expected the magic byte 0x00"
              + describe(frame) + "." + HINT + guess(frame));
    }
    int id = readId(frame);
    if (id < 0) {
      throw new InvalidFrameException(
          "Not a Confluent wire-format frame: the schema id " + id
              + " is negative" + describe(frame) + "." + HINT);
    }
  }

  private static int readId(byte[] frame) {
    return ((frame[1] & 0xff) << 24)
        | ((frame[2] & 0xff) << 16)
        | ((frame[3] & 0xff) << 8)
        | (frame[4] & 0xff);
  }

  private static String describe(byte[] bytes) {
    if (bytes.length == 0) {
      return "";
    }
    int shown = Math.min(bytes.length, SHOWN_BYTES);
    String hex = HexFormat.ofDelimiter(" ").formatHex(bytes, 0, shown);
    return " (" + (shown < bytes.length ? "first bytes: " : "bytes: ") + hex
        + (shown < bytes.length ? " ..." : "") + ")";
  }

  private static String guess(byte[] bytes) {
    int first = bytes[0] & 0xff;
    if (first == '{' || first == '[') {
      return " The bytes look like JSON text: use a JSON deserializer for this topic.";
    }
    for (int i = 0; i < Math.min(bytes.length, SHOWN_BYTES); i++) {
      int b = bytes[i] & 0xff;
      if (b < 0x20 || b > 0x7e) {
        return "";
      }
    }
    return " The bytes look like plain text: use a string deserializer for this topic.";
  }
}
