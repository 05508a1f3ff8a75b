package io.flowodm.loop.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Writes which offsets above a partition's commit offset are already done into the commit's metadata,
 * and reads them back when the partition is assigned, so completed records are not run again.
 *
 * <p>Format: {@code "fodm:"} then base64url (no padding) of a version byte (1), a kind byte, and
 * either run lengths (kind 1: unsigned varints, alternating not-done and done runs, from the commit
 * offset up to the last done offset) or a bitset (kind 2: one bit per offset after the commit offset,
 * set when done, least significant bit first), whichever is smaller. Offsets that were never received
 * (gaps left by transaction markers or compaction) count as done: no record has them. Metadata that
 * is not in this format (another client's) decodes to nothing done, which is safe: at worst a
 * record runs again.
 *
 * <p>Stateless and thread-safe.
 */
final class DoneSetCodec {
  static final String PREFIX = "fodm:";
  private static final byte VERSION = 1;
  private static final byte RUNS = 1;
  private static final byte BITS = 2;

  private DoneSetCodec() {}

  /**
   * The metadata for a commit at {@code pending[0]}: {@code pending} are the received offsets not yet
   * done, ascending, the first being the commit offset; every offset from it up to {@code end}
   * (exclusive) that is not pending is done. Returns "" when nothing above the commit offset is done,
   * and null when the encoding is longer than {@code budget} characters.
   */
  static String encode(long[] pending, int pendingCount, long end, int budget) {
    if (pendingCount == 0 || end <= pending[0] + 1 || pendingCount >= end - pending[0]) {
      return ""; // nothing done above the commit offset
    }
    long base = pending[0];
    byte[] runs = runs(pending, pendingCount, end);
    long span = end - base - 1;
    byte[] payload = runs;
    byte kind = RUNS;
    if (span <= (long) runs.length * 8) {
      payload = bits(pending, pendingCount, base, end);
      kind = BITS;
    }
    // base64 grows 3 bytes to 4 characters: check before encoding a payload that cannot fit
    long length = PREFIX.length() + ((payload.length + 2L) * 4 + 2) / 3;
    if (length > budget) {
      return null;
    }
    byte[] all = new byte[payload.length + 2];
    all[0] = VERSION;
    all[1] = kind;
    System.arraycopy(payload, 0, all, 2, payload.length);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(all);
  }

  private static byte[] runs(long[] pending, int count, long end) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < count) {
      int j = i + 1;
      while (j < count && pending[j] == pending[j - 1] + 1) {
        j++;
      }
      varint(out, j - i); // not done: pending[i] .. pending[j-1]
      long doneFrom = pending[j - 1] + 1;
      long doneTo = j < count ? pending[j] : end;
      if (doneTo <= doneFrom) {
        break; // the last pending run reaches the end: nothing done after it
      }
      varint(out, doneTo - doneFrom);
      i = j;
    }
    return out.toByteArray();
  }

  private static byte[] bits(long[] pending, int count, long base, long end) {
    int span = (int) (end - base - 1);
    byte[] bits = new byte[(span + 7) / 8];
    for (int i = 0; i < span; i++) {
      bits[i >>> 3] |= (byte) (1 << (i & 7));
    }
    for (int k = 1; k < count; k++) {
      int i = (int) (pending[k] - base - 1);
      if (i < span) {
        bits[i >>> 3] &= (byte) ~(1 << (i & 7));
      }
    }
    return bits;
  }

  /**
   * The done ranges above {@code base} written by {@link #encode}: pairs {@code [from, to)} in a flat
   * ascending array. Empty for empty or foreign metadata.
   */
  static long[] decode(long base, String metadata) {
    if (metadata == null || !metadata.startsWith(PREFIX)) {
      return new long[0];
    }
    byte[] all;
    try {
      all = Base64.getUrlDecoder().decode(metadata.substring(PREFIX.length()).getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      return new long[0];
    }
    if (all.length < 2 || all[0] != VERSION) {
      return new long[0];
    }
    try {
      return all[1] == RUNS ? decodeRuns(base, all) : all[1] == BITS ? decodeBits(base, all) : new long[0];
    } catch (IllegalArgumentException e) {
      return new long[0];
    }
  }

  private static long[] decodeRuns(long base, byte[] all) {
    List<Long> ranges = new ArrayList<>();
    int[] pos = {2};
    long at = base;
    boolean done = false;
    while (pos[0] < all.length) {
      long n = readVarint(all, pos);
      if (n <= 0) {
        throw new IllegalArgumentException("empty run");
      }
      if (done) {
        ranges.add(at);
        ranges.add(at + n);
      }
      at += n;
      done = !done;
    }
    return ranges.stream().mapToLong(Long::longValue).toArray();
  }

  private static long[] decodeBits(long base, byte[] all) {
    List<Long> ranges = new ArrayList<>();
    int span = (all.length - 2) * 8;
    long from = -1;
    for (int i = 0; i < span; i++) {
      boolean set = (all[2 + (i >>> 3)] & (1 << (i & 7))) != 0;
      long offset = base + 1 + i;
      if (set && from < 0) {
        from = offset;
      } else if (!set && from >= 0) {
        ranges.add(from);
        ranges.add(offset);
        from = -1;
      }
    }
    if (from >= 0) {
      // trailing padding bits of the last byte are 0, so a set run here ends at a real offset
      ranges.add(from);
      ranges.add(base + 1 + span);
    }
    return ranges.stream().mapToLong(Long::longValue).toArray();
  }

  private static void varint(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  private static long readVarint(byte[] b, int[] pos) {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos[0] >= b.length) {
        throw new IllegalArgumentException("truncated varint");
      }
      byte x = b[pos[0]++];
      v |= (long) (x & 0x7F) << shift;
      if ((x & 0x80) == 0) {
        return v;
      }
    }
    throw new IllegalArgumentException("varint too long");
  }
}
