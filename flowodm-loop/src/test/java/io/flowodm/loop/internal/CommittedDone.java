package io.flowodm.loop.internal;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * For the process tests: whether a group's commit of a partition counts an offset as done, below
 * the committed offset or listed in the commit's metadata, as a loop that gets the partition reads
 * it back.
 */
public final class CommittedDone {
  private CommittedDone() {}

  /** True when {@code committed} (null for no commit) marks {@code offset} done. */
  public static boolean covers(OffsetAndMetadata committed, long offset) {
    if (committed == null) {
      return false;
    }
    if (offset < committed.offset()) {
      return true;
    }
    long[] ranges = DoneSetCodec.decode(committed.offset(), committed.metadata());
    for (int i = 0; i + 1 < ranges.length; i += 2) {
      if (offset >= ranges[i] && offset < ranges[i + 1]) {
        return true;
      }
    }
    return false;
  }
}
