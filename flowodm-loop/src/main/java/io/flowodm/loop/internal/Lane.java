package io.flowodm.loop.internal;

import java.util.ArrayDeque;

/**
 * The records of one key (or one partition) that must run one at a time, in offset order: the one
 * running or backing off ({@code busy}), and those waiting behind it. Used by the polling thread only.
 */
final class Lane {
  final KeyBytes key;
  final ArrayDeque<Work> waiting = new ArrayDeque<>(2);
  boolean busy;

  Lane(KeyBytes key) {
    this.key = key;
  }
}
