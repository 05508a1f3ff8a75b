package io.flowodm.loop.internal;

import java.util.Arrays;

/**
 * A record key as raw bytes, for ordering by key: keys are compared as they are on the wire, so the
 * polling thread never decodes one. Caches its hash. Immutable as long as nobody changes the array.
 */
final class KeyBytes {
  private final byte[] bytes;
  private final int hash;

  KeyBytes(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyBytes k && k.hash == hash && Arrays.equals(k.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "KeyBytes[" + bytes.length + " bytes, hash " + hash + "]";
  }
}
