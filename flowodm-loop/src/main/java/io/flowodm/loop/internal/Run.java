package io.flowodm.loop.internal;

/**
 * One hand-out of records to a worker (see {@link Work}): the token its records wait in, so a record
 * handed out again later cannot be claimed through a link of an old run. A run that packs several
 * lanes is watched: its worker says when it starts each record, and when one runs longer than the
 * engine allows, the polling thread takes the records not started back, so a slow or stuck record
 * delays no other lane's records for long, and holds no buffer space while it runs.
 */
final class Run {
  final Work first;
  /** Packs several lanes: watched. Set by the polling thread before the run is handed out. */
  boolean watched;
  /** {@link #currentSince} before the worker started: a run still waiting for a thread is not taken from. */
  static final long NOT_STARTED = Long.MIN_VALUE;

  /**
   * When the worker started its current record, on the loop's clock, or {@link #NOT_STARTED}; written
   * by the worker of a watched run.
   */
  volatile long currentSince = NOT_STARTED;
  /** Its slot is free, or its records not started were taken back: no longer watched. Polling thread. */
  boolean over;

  Run(Work first) {
    this.first = first;
  }
}
