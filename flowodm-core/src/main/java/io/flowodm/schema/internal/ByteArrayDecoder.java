package io.flowodm.schema.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * Avro binary decoding straight from a byte array.
 *
 * <p>Every length, count and varint is checked against the bytes that are left before anything is
 * allocated, so corrupt or hostile input ends in a {@link DataException} that says what was wrong
 * and at which byte, never in an OutOfMemoryError. Not thread-safe.
 */
public final class ByteArrayDecoder extends Decoder {
  /**
   * Items of zero bytes each (records without fields) that any input may claim in all, however
   * short. Beyond these, an input may claim one more per byte it holds, so the values a message
   * can make stay a small multiple of its size. Counted across blocks and nesting.
   */
  static final long EMPTY_ITEMS_FLOOR = 1024;

  /** What bytes that break the encoding may mean, ending the messages about them. */
  static final String CORRUPT = "the data is corrupt or was written with another schema";

  /** The same for bytes that end before a value does. */
  static final String CUT_SHORT = "the data is cut short or corrupt, or was written with another schema";

  private final byte[] buf;
  private final int start;
  private final int limit;
  private final long maxEmptyItems;
  private int pos;
  private long emptyItems;

  /** Reads {@code length} bytes of {@code buf} from {@code offset}. */
  public ByteArrayDecoder(byte[] buf, int offset, int length) {
    if (offset < 0 || length < 0 || offset > buf.length - length) {
      throw new IllegalArgumentException(
          "offset " + offset + " and length " + length + " do not fit " + buf.length + " bytes");
    }
    this.buf = buf;
    this.start = offset;
    this.pos = offset;
    this.limit = offset + length;
    this.maxEmptyItems = EMPTY_ITEMS_FLOOR + length;
  }

  /** Reads all of {@code buf}. */
  public ByteArrayDecoder(byte[] buf) {
    this(buf, 0, buf.length);
  }

  /** Bytes not read yet. */
  public int remaining() {
    return limit - pos;
  }

  /** The position relative to the start of the input, for messages. */
  public int position() {
    return pos - start;
  }

  private DataException truncated(int needed, String what) {
    return new DataException(
        "data ends early: "
            + what
            + " needs "
            + needed
            + " byte(s) at byte "
            + position()
            + " but only "
            + remaining()
            + " remain of "
            + (limit - start)
            + ": "
            + CUT_SHORT);
  }

  /** A varint that starts at the current position and is still going at the end of the input. */
  private DataException varintEndsEarly(String what) {
    return new DataException(
        "data ends early: "
            + what
            + " at byte "
            + position()
            + " runs past the end of the "
            + (limit - start)
            + " bytes: "
            + CUT_SHORT);
  }

  /**
   * Checks a collection's item count against the bytes left: each item takes at least {@code
   * minItemSize} bytes, so a count that cannot fit is corrupt data, refused before allocating.
   */
  public static void checkItemCount(Decoder in, long count, int minItemSize, String what) {
    if (count < 0 || count > Integer.MAX_VALUE - 8) {
      throw new DataException(what + " claims " + count + " items, more than any array can hold: " + CORRUPT);
    }
    if (in instanceof ByteArrayDecoder d) {
      if (minItemSize == 0) {
        d.emptyItems += count;
        if (d.emptyItems > d.maxEmptyItems) {
          throw new DataException(
              what
                  + " claims "
                  + count
                  + " items of no bytes each at byte "
                  + d.position()
                  + ", more than the "
                  + d.maxEmptyItems
                  + " such items a message of "
                  + (d.limit - d.start)
                  + " bytes may hold in all ("
                  + EMPTY_ITEMS_FLOOR
                  + " plus one per byte): "
                  + CORRUPT);
        }
        return;
      }
      long max = d.remaining() / minItemSize;
      if (count > max) {
        throw new DataException(
            "data ends early: "
                + what
                + " claims "
                + count
                + " items at byte "
                + d.position()
                + " but only "
                + d.remaining()
                + " bytes remain: "
                + CUT_SHORT);
      }
    }
  }

  @Override
  public void readNull() {}

  @Override
  public boolean readBoolean() {
    if (pos >= limit) {
      throw truncated(1, "a boolean");
    }
    int b = buf[pos];
    if ((b & ~1) != 0) {
      throw new DataException("invalid boolean byte " + (b & 0xFF) + " at byte " + position() + ": " + CORRUPT);
    }
    pos++;
    return b == 1;
  }

  @Override
  public int readInt() {
    int p = pos;
    if (limit - p >= 5) { // no bounds check per byte
      byte[] b = buf;
      int n = b[p++];
      if (n >= 0) {
        pos = p;
        return (n >>> 1) ^ -(n & 1);
      }
      n &= 0x7F;
      for (int shift = 7; shift <= 28; shift += 7) {
        int x = b[p++];
        n |= (x & 0x7F) << shift;
        if (x >= 0) {
          pos = p;
          return (n >>> 1) ^ -(n & 1);
        }
      }
      throw new DataException("malformed int at byte " + position() + ": varint longer than 5 bytes: " + CORRUPT);
    }
    return readIntNearTheEnd(p);
  }

  private int readIntNearTheEnd(int p) {
    int b;
    int n = 0;
    int shift = 0;
    do {
      if (p >= limit) {
        throw varintEndsEarly("an int");
      }
      if (shift > 28) {
        throw new DataException("malformed int at byte " + position() + ": varint longer than 5 bytes: " + CORRUPT);
      }
      b = buf[p++] & 0xFF;
      n |= (b & 0x7F) << shift;
      shift += 7;
    } while ((b & 0x80) != 0);
    pos = p;
    return (n >>> 1) ^ -(n & 1);
  }

  @Override
  public long readLong() {
    int p = pos;
    if (limit - p >= 10) { // no bounds check per byte
      byte[] b = buf;
      long n = b[p++];
      if (n >= 0) {
        pos = p;
        return (n >>> 1) ^ -(n & 1);
      }
      n &= 0x7F;
      for (int shift = 7; shift <= 63; shift += 7) {
        long x = b[p++];
        n |= (x & 0x7F) << shift;
        if (x >= 0) {
          pos = p;
          return (n >>> 1) ^ -(n & 1);
        }
      }
      throw new DataException("malformed long at byte " + position() + ": varint longer than 10 bytes: " + CORRUPT);
    }
    return readLongNearTheEnd(p);
  }

  private long readLongNearTheEnd(int p) {
    long b;
    long n = 0;
    int shift = 0;
    do {
      if (p >= limit) {
        throw varintEndsEarly("a long");
      }
      if (shift > 63) {
        throw new DataException("malformed long at byte " + position() + ": varint longer than 10 bytes: " + CORRUPT);
      }
      b = buf[p++] & 0xFF;
      n |= (b & 0x7F) << shift;
      shift += 7;
    } while ((b & 0x80) != 0);
    pos = p;
    return (n >>> 1) ^ -(n & 1);
  }

  @Override
  public float readFloat() {
    if (limit - pos < 4) {
      throw truncated(4, "a float");
    }
    byte[] b = buf;
    int p = pos;
    int bits = (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
    pos = p + 4;
    return Float.intBitsToFloat(bits);
  }

  @Override
  public double readDouble() {
    if (limit - pos < 8) {
      throw truncated(8, "a double");
    }
    byte[] b = buf;
    int p = pos;
    long bits =
        (b[p] & 0xFFL)
            | (b[p + 1] & 0xFFL) << 8
            | (b[p + 2] & 0xFFL) << 16
            | (b[p + 3] & 0xFFL) << 24
            | (b[p + 4] & 0xFFL) << 32
            | (b[p + 5] & 0xFFL) << 40
            | (b[p + 6] & 0xFFL) << 48
            | (b[p + 7] & 0xFFL) << 56;
    pos = p + 8;
    return Double.longBitsToDouble(bits);
  }

  private int readLength(String what) {
    int at = position();
    long len = readLong();
    if (len < 0) {
      throw new DataException("negative length " + len + " for " + what + " at byte " + at + ": " + CORRUPT);
    }
    if (len > remaining()) {
      throw new DataException(
          "data ends early: "
              + what
              + " at byte "
              + at
              + " claims "
              + len
              + " bytes but only "
              + remaining()
              + " remain: "
              + CUT_SHORT);
    }
    return (int) len;
  }

  @Override
  public String readString() {
    int len = readLength("a string");
    String s = new String(buf, pos, len, StandardCharsets.UTF_8);
    pos += len;
    return s;
  }

  @Override
  public Utf8 readString(Utf8 old) {
    int len = readLength("a string");
    Utf8 result = old != null ? old : new Utf8();
    result.setByteLength(len);
    System.arraycopy(buf, pos, result.getBytes(), 0, len);
    pos += len;
    return result;
  }

  /**
   * Reads a string holding a UUID in its canonical 36-character form without building a String,
   * or returns null (having read nothing) when the string is not in that form, so the caller can
   * fall back to {@code UUID.fromString}.
   */
  public java.util.UUID readCanonicalUuid() {
    byte[] b = buf;
    int p = pos + 1;
    if (limit - pos < 37
        || b[pos] != 72 // the zig-zag varint of the length 36
        || b[p + 8] != '-'
        || b[p + 13] != '-'
        || b[p + 18] != '-'
        || b[p + 23] != '-') {
      return null;
    }
    long time = hex8((long) LONG_LE.get(b, p));
    long midHigh = hex8(ints(b, p + 9, p + 14));
    long seqNode = hex8(ints(b, p + 19, p + 24));
    long nodeLow = hex8((long) LONG_LE.get(b, p + 28));
    if ((time | midHigh | seqNode | nodeLow) < 0) {
      return null;
    }
    pos = p + 36;
    return new java.util.UUID(time << 32 | midHigh, seqNode << 32 | nodeLow);
  }

  private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  /** Four bytes at {@code first} then four at {@code second}, as one little-endian long. */
  private static long ints(byte[] b, int first, int second) {
    return ((int) INT_LE.get(b, first) & 0xFFFFFFFFL) | (long) (int) INT_LE.get(b, second) << 32;
  }

  /**
   * The value of eight ASCII hex digits (either case) packed in a long, the first in its lowest
   * byte; -1 when one of them is not a hex digit. All eight at once, without a branch per byte.
   */
  static long hex8(long chars) {
    if ((chars & HIGH_BITS) != 0) {
      return -1;
    }
    long upper = chars & 0xDFDFDFDFDFDFDFDFL; // 'a'-'f' to 'A'-'F'; only those two ranges land there
    long digit = atLeast(chars, '0') & ~atLeast(chars, '9' + 1);
    long letter = atLeast(upper, 'A') & ~atLeast(upper, 'F' + 1);
    if ((digit | letter) != HIGH_BITS) {
      return -1;
    }
    long n = (chars & 0x0F0F0F0F0F0F0F0FL) + (letter >>> 7) * 9; // a digit's value in each byte
    n = Long.reverseBytes(n); // the first digit is the most significant
    n = (n | n >>> 4) & 0x00FF00FF00FF00FFL;
    n = (n | n >>> 8) & 0x0000FFFF0000FFFFL;
    return (n | n >>> 16) & 0xFFFFFFFFL;
  }

  /** The high bit of each byte of {@code bytes} (each below 0x80) set when that byte is at least {@code low}. */
  private static long atLeast(long bytes, int low) {
    return (bytes + (0x80 - low) * ONES) & HIGH_BITS;
  }

  @Override
  public void skipString() {
    int len = readLength("a string"); // read first: `pos += readLength()` would add to the old pos
    pos += len;
  }

  /** Reads Avro bytes into a new array. */
  public byte[] readByteArray() {
    int len = readLength("bytes");
    byte[] out = new byte[len];
    System.arraycopy(buf, pos, out, 0, len);
    pos += len;
    return out;
  }

  @Override
  public ByteBuffer readBytes(ByteBuffer old) {
    int len = readLength("bytes");
    ByteBuffer result;
    if (old != null && old.capacity() >= len && !old.isReadOnly()) {
      result = old;
      result.clear();
    } else {
      result = ByteBuffer.allocate(len);
    }
    result.put(buf, pos, len);
    result.flip();
    pos += len;
    return result;
  }

  @Override
  public void skipBytes() {
    int len = readLength("bytes");
    pos += len;
  }

  @Override
  public void readFixed(byte[] bytes, int start, int length) {
    if (limit - pos < length) {
      throw truncated(length, "a fixed");
    }
    System.arraycopy(buf, pos, bytes, start, length);
    pos += length;
  }

  @Override
  public void skipFixed(int length) {
    if (limit - pos < length) {
      throw truncated(length, "a fixed");
    }
    pos += length;
  }

  @Override
  public int readEnum() {
    return readInt();
  }

  private long readBlockCount(String what) {
    long count = readLong();
    if (count < 0) {
      if (count == Long.MIN_VALUE) {
        throw new DataException("invalid " + what + " block count at byte " + position() + ": " + CORRUPT);
      }
      readBlockSize(what);
      count = -count;
    }
    return count;
  }

  private long readBlockSize(String what) {
    long size = readLong();
    if (size < 0) {
      throw new DataException("negative " + what + " block size " + size + " at byte " + position() + ": " + CORRUPT);
    }
    if (size > remaining()) {
      throw new DataException(
          "data ends early: "
              + what
              + " block size "
              + size
              + " at byte "
              + position()
              + " exceeds the "
              + remaining()
              + " bytes left: "
              + CUT_SHORT);
    }
    return size;
  }

  @Override
  public long readArrayStart() {
    return readBlockCount("array");
  }

  @Override
  public long arrayNext() {
    return readBlockCount("array");
  }

  @Override
  public long skipArray() {
    return skipBlocks("array");
  }

  private long skipBlocks(String what) {
    while (true) {
      long count = readLong();
      if (count >= 0) {
        return count;
      }
      if (count == Long.MIN_VALUE) {
        throw new DataException("invalid " + what + " block count at byte " + position() + ": " + CORRUPT);
      }
      int size = (int) readBlockSize(what);
      pos += size;
    }
  }

  @Override
  public long readMapStart() {
    return readBlockCount("map");
  }

  @Override
  public long mapNext() {
    return readBlockCount("map");
  }

  @Override
  public long skipMap() {
    return skipBlocks("map");
  }

  @Override
  public int readIndex() {
    return readInt();
  }
}
