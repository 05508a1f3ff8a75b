package io.flowodm.schema.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.avro.io.Encoder;
import org.apache.avro.util.Utf8;

/**
 * Avro binary encoding into a growable byte array, writing exactly the bytes Avro's {@code
 * BinaryEncoder} writes, without an OutputStream or a flush. Not thread-safe: one encode at a time.
 */
public final class ByteArrayEncoder extends Encoder {
  private byte[] buf;
  private int pos;

  /** An encoder whose buffer starts at {@code initialCapacity} bytes and grows as needed. */
  public ByteArrayEncoder(int initialCapacity) {
    this.buf = new byte[Math.max(16, initialCapacity)];
  }

  /** Forgets what was written, keeping the buffer. */
  public void reset() {
    pos = 0;
  }

  /** The number of bytes written so far. */
  public int size() {
    return pos;
  }

  /** The current buffer; valid bytes are {@code [0, size())}. */
  public byte[] buffer() {
    return buf;
  }

  /** A copy of the bytes written. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, pos);
  }

  /** The capacity of the buffer, to decide whether it is worth keeping. */
  public int capacity() {
    return buf.length;
  }

  private void ensure(int n) {
    if (buf.length - pos < n) {
      grow(n);
    }
  }

  private void grow(int n) {
    long wanted = Math.max((long) buf.length * 2, (long) pos + n);
    if (wanted > Integer.MAX_VALUE - 16) {
      if ((long) pos + n > Integer.MAX_VALUE - 16) {
        throw new DataException("encoded value exceeds the 2 GiB limit of a byte array");
      }
      wanted = Integer.MAX_VALUE - 16;
    }
    buf = Arrays.copyOf(buf, (int) wanted);
  }

  @Override
  public void flush() {}

  @Override
  public void writeNull() {}

  @Override
  public void writeBoolean(boolean b) {
    ensure(1);
    buf[pos++] = (byte) (b ? 1 : 0);
  }

  @Override
  public void writeInt(int n) {
    ensure(5);
    int v = (n << 1) ^ (n >> 31);
    byte[] b = buf;
    int p = pos;
    while ((v & ~0x7F) != 0) {
      b[p++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    b[p++] = (byte) v;
    pos = p;
  }

  @Override
  public void writeLong(long n) {
    ensure(10);
    long v = (n << 1) ^ (n >> 63);
    byte[] b = buf;
    int p = pos;
    while ((v & ~0x7FL) != 0) {
      b[p++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    b[p++] = (byte) v;
    pos = p;
  }

  @Override
  public void writeFloat(float f) {
    ensure(4);
    int bits = Float.floatToRawIntBits(f);
    byte[] b = buf;
    int p = pos;
    b[p] = (byte) bits;
    b[p + 1] = (byte) (bits >>> 8);
    b[p + 2] = (byte) (bits >>> 16);
    b[p + 3] = (byte) (bits >>> 24);
    pos = p + 4;
  }

  @Override
  public void writeDouble(double d) {
    ensure(8);
    long bits = Double.doubleToRawLongBits(d);
    byte[] b = buf;
    int p = pos;
    b[p] = (byte) bits;
    b[p + 1] = (byte) (bits >>> 8);
    b[p + 2] = (byte) (bits >>> 16);
    b[p + 3] = (byte) (bits >>> 24);
    b[p + 4] = (byte) (bits >>> 32);
    b[p + 5] = (byte) (bits >>> 40);
    b[p + 6] = (byte) (bits >>> 48);
    b[p + 7] = (byte) (bits >>> 56);
    pos = p + 8;
  }

  @Override
  public void writeString(String s) {
    int n = s.length();
    if (n < 64) {
      // Short strings: try a direct ASCII copy; the length prefix is one byte for < 64.
      ensure(1 + n);
      byte[] b = buf;
      int p = pos + 1;
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c >= 0x80) {
          writeUtf8(s.getBytes(StandardCharsets.UTF_8));
          return;
        }
        b[p + i] = (byte) c;
      }
      b[pos] = (byte) (n << 1);
      pos = p + n;
      return;
    }
    writeUtf8(s.getBytes(StandardCharsets.UTF_8));
  }

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /** Writes a UUID as the 36-character string {@code UUID.toString()} gives, without building it. */
  public void writeUuid(java.util.UUID uuid) {
    ensure(37);
    byte[] b = buf;
    int p = pos;
    b[p++] = 72; // zig-zag length 36
    long msb = uuid.getMostSignificantBits();
    long lsb = uuid.getLeastSignificantBits();
    p = hex(b, p, msb >>> 32, 8);
    b[p++] = '-';
    p = hex(b, p, msb >>> 16, 4);
    b[p++] = '-';
    p = hex(b, p, msb, 4);
    b[p++] = '-';
    p = hex(b, p, lsb >>> 48, 4);
    b[p++] = '-';
    p = hex(b, p, lsb, 12);
    pos = p;
  }

  private static int hex(byte[] b, int p, long value, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      b[p + i] = HEX[(int) (value & 0xF)];
      value >>>= 4;
    }
    return p + digits;
  }

  private void writeUtf8(byte[] bytes) {
    writeBytes(bytes, 0, bytes.length);
  }

  @Override
  public void writeString(Utf8 utf8) {
    writeBytes(utf8.getBytes(), 0, utf8.getByteLength());
  }

  @Override
  public void writeString(CharSequence charSequence) {
    if (charSequence instanceof Utf8 utf8) {
      writeString(utf8);
    } else {
      writeString(charSequence.toString());
    }
  }

  @Override
  public void writeBytes(ByteBuffer bytes) {
    ByteBuffer b = bytes.duplicate();
    int len = b.remaining();
    writeInt(len);
    ensure(len);
    b.get(buf, pos, len);
    pos += len;
  }

  @Override
  public void writeBytes(byte[] bytes, int start, int len) {
    writeInt(len);
    writeFixed(bytes, start, len);
  }

  @Override
  public void writeFixed(byte[] bytes, int start, int len) {
    ensure(len);
    System.arraycopy(bytes, start, buf, pos, len);
    pos += len;
  }

  @Override
  public void writeEnum(int e) {
    writeInt(e);
  }

  @Override
  public void writeArrayStart() {}

  @Override
  public void setItemCount(long itemCount) {
    if (itemCount > 0) {
      writeLong(itemCount);
    }
  }

  @Override
  public void startItem() {}

  @Override
  public void writeArrayEnd() {
    ensure(1);
    buf[pos++] = 0;
  }

  @Override
  public void writeMapStart() {}

  @Override
  public void writeMapEnd() {
    ensure(1);
    buf[pos++] = 0;
  }

  @Override
  public void writeIndex(int unionIndex) {
    writeInt(unionIndex);
  }
}
