package io.flowodm.loop.internal;

import io.flowodm.loop.LoopException;
import io.flowodm.loop.LoopState;
import io.flowodm.loop.internal.Completion.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop engine behind both loops: the polling thread's work. Each turn it applies the completions
 * the handler threads posted, fires due timers (retries, dead letters to send again), hands ready
 * records to workers in runs while slots are free, commits when due, takes back what waits behind a
 * slow record, pauses full partitions and resumes drained ones ({@link Pauses}), and polls, waiting
 * only until the next timer or a completion. Nothing in a turn waits on a handler, so handlers,
 * retries and backoffs never keep the consumer from polling. See {@code docs/loops.md}; rebalances
 * are handled in {@link Rebalance}.
 *
 * <p>Only {@link #requestStop()} may be called from other threads; everything else runs on the thread
 * that called {@link #run}, which alone touches the Kafka consumer.
 */
public final class Engine<T> {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  private static final long MAX_POLL_WAIT = Duration.ofMillis(200).toNanos();
  private static final long OUTAGE_FIRST_DELAY = Duration.ofMillis(200).toNanos();
  private static final long OUTAGE_MAX_DELAY = Duration.ofSeconds(30).toNanos();
  private static final long DEAD_LETTER_FIRST_DELAY = Duration.ofSeconds(1).toNanos();
  private static final long DEAD_LETTER_MAX_DELAY = Duration.ofSeconds(30).toNanos();
  private static final long GAUGE_INTERVAL = Duration.ofSeconds(1).toNanos();
  private static final long WARN_INTERVAL = Duration.ofSeconds(30).toNanos();
  /**
   * The most records of one lane handed to a worker at once. Long enough that a fast handler costs
   * one thread hand-off per few hundred records instead of one per record; short enough that the
   * partitions of a {@code ConsumerLoop} take turns.
   */
  static final int MAX_RUN = 500;
  /**
   * How much expected handler time a run may pack of records of different lanes (which could run on
   * other slots): enough to spare fast handlers a thread hand-off per record, little enough that
   * records packed together wait only about this long for each other, and that handlers waiting on
   * I/O keep most of their concurrency.
   */
  static final long PACK_BUDGET = Duration.ofNanos(100_000).toNanos();
  /** A record of a packed run that runs longer than this is slow: the records behind it are taken back. */
  static final long TAKE_BACK_AFTER = Duration.ofMillis(1).toNanos();

  private final LoopSettings<T> s;
  private final org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer;
  private final DeadLetters deadLetters;
  private final LongSupplier clock;
  private final DoubleSupplier random;
  private final Executor executor;
  private final Inbox<Completion> inbox;
  private final Scheduler scheduler;
  private final Timers timers = new Timers();
  private final Map<TopicPartition, PartitionState> partitions = new HashMap<>();
  private final Set<Work> running = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Commits commits;
  private final Worker<T> worker;
  private final LoopGauges gauges;
  private final LoopMetrics metrics;
  private final long revokeWait;
  private final long commitInterval;
  private final Consumer<LoopState> states;
  private final Rebalance rebalance;
  /** Records dispatched and not finished, including those of runs not started yet. */
  private int inFlight;
  /** Runs dispatched and not finished: the slots of {@code maxConcurrent} in use. */
  private int slots;
  /** Records handed to a worker behind another of their run and not started: at most {@code maxBuffered}. */
  private int runTails;
  private final int maxRun;
  /** Runs that pack several lanes, watched for a record that runs longer than {@link #TAKE_BACK_AFTER}. */
  private final List<Run> watchedRuns = new ArrayList<>();
  private long nextRunCheck;
  /**
   * A moving average of handler time, each sample capped at the pack budget; it starts there, so
   * nothing is packed until handlers prove fast.
   */
  private long handlerNanosAvg = PACK_BUDGET;
  private final Pauses pauses;
  private long generations;
  private long nextCommit;
  private long nextGauges;
  private long nextOutageWarning;
  private volatile boolean stopRequested;
  private boolean stopping;
  /** The consumer is closing: the drain already waited for what was in flight, so a revoke does not wait again. */
  private boolean closing;
  private LoopException failure;
  private PartitionState last;

  /**
   * @param executor runs handler tasks
   * @param states told when the loop runs and when it begins to stop
   */
  public Engine(LoopSettings<T> settings, LoopClients<T> clients, LoopEnvironment env, Executor executor, Consumer<LoopState> states) {
    this.s = settings;
    this.consumer = clients.consumer();
    this.deadLetters = clients.deadLetters();
    this.clock = env.nanoTime();
    this.random = env.random();
    this.executor = executor;
    this.states = states;
    this.inbox = new Inbox<>(consumer::wakeup, clock);
    this.scheduler = new Scheduler(settings.ordering());
    this.gauges = new LoopGauges(clock);
    this.metrics = LoopMetrics.micrometer(settings.meterRegistry(), gauges, settings.name(), settings.topic(), settings.group());
    this.commits = new Commits(consumer, settings.topic(), partitions, settings.offsetMetadataMaxBytes(), metrics, settings.name());
    this.worker = new Worker<>(clients.reader(), settings.handler(), settings.tombstonesToHandler(), settings.retry(),
        settings.errorHandler(), deadLetters, inbox, clock, metrics);
    this.revokeWait = Math.min(settings.shutdownTimeout().toNanos(), clients.maxPollInterval().toNanos() / 2);
    this.commitInterval = settings.commitInterval().toNanos();
    this.rebalance = new Rebalance(this, consumer);
    this.pauses = new Pauses(consumer, settings.maxBufferedPerPartition(), settings.maxBuffered());
    this.maxRun = settings.atMostOnce() ? 1 : MAX_RUN; // at most once commits a run before it starts: a run cut short would lose its rest
  }

  /** Asks the loop to stop; any thread. */
  public void requestStop() {
    stopRequested = true;
    worker.halt(); // runs end after the record they are at
    inbox.wake();
  }

  /**
   * Subscribes and runs until stopped or failed, then finishes or abandons the records in flight
   * within the shutdown timeout, commits, runs {@code onShutdown} and closes the consumer.
   *
   * @return the failure that ended the loop, or null when it stopped cleanly
   */
  public LoopException run() {
    try {
      open();
      while (!stopRequested && failure == null) {
        turn();
      }
    } catch (RuntimeException e) {
      fail(unexpected(e));
    }
    return finish();
  }

  /** Subscribes; package-private for tests that step the engine with {@link #turn()}. */
  void open() {
    inbox.pollerIs(Thread.currentThread());
    consumer.subscribe(List.of(s.topic()), rebalance);
    states.accept(LoopState.RUNNING);
    nextCommit = clock.getAsLong() + commitInterval;
  }

  /** Stops: drains within the shutdown timeout, commits, runs onShutdown, closes; returns the failure or null. */
  LoopException finish() {
    try {
      drain();
    } catch (RuntimeException e) {
      fail(unexpected(e));
    }
    shutdown();
    return failure;
  }

  private LoopException unexpected(RuntimeException e) {
    return new LoopException("Loop " + s.name() + " on " + s.topic() + " (group " + s.group() + ") failed: " + e.getMessage()
        + " Nothing after its last commit was committed; start it again once the cause is fixed.", e);
  }

  private void drain() {
    stopping = true;
    worker.halt(); // a failure ends the loop as a stop does
    states.accept(LoopState.STOPPING);
    long deadline = clock.getAsLong() + s.shutdownTimeout().toNanos();
    updatePauses();
    while (inFlight > 0 && clock.getAsLong() - deadline < 0) {
      turn();
    }
    if (inFlight > 0) {
      LOG.warn("Loop {}: {} records still in flight after the shutdown timeout of {}; they are not committed and run again"
          + " on the group's next consumer.", s.name(), inFlight, s.shutdownTimeout());
    }
    try {
      commits.commitSync(partitions.values());
    } catch (KafkaException e) {
      LOG.warn("Loop {}: the last commit failed, so the group's next consumer runs the records done since the commit before"
          + " it again: {}", s.name(), e.toString());
    }
  }

  private void shutdown() {
    try {
      s.onShutdown().run();
    } catch (RuntimeException e) {
      fail(new LoopException("onShutdown of loop " + s.name() + " failed: " + e, e));
    }
    closing = true;
    try {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(30)));
    } catch (RuntimeException e) {
      LOG.warn("Loop {}: closing the consumer failed; the group drops it after session.timeout.ms: {}", s.name(), e.toString());
    }
    if (deadLetters != null) {
      try {
        deadLetters.close();
      } catch (RuntimeException e) {
        LOG.warn("Loop {}: closing the dead-letter producer failed: {}", s.name(), e.toString());
      }
    }
    metrics.close();
  }

  /** One turn of the polling thread; package-private for tests that step the engine. */
  void turn() {
    long now = clock.getAsLong();
    applyCompletions();
    timers.fire(now);
    if (!stopping && !stopRequested) {
      dispatch(now);
    }
    if (now - nextCommit >= 0) {
      commits.commitAsync();
      nextCommit = now + commitInterval;
    } else if (commits.due()) {
      commits.commitAsync(); // as soon as the last background commit is answered: a crash runs little again
    }
    if (!watchedRuns.isEmpty() && now - nextRunCheck >= 0) {
      watchRuns(now);
      nextRunCheck = now + TAKE_BACK_AFTER / 2;
    }
    updatePauses();
    publishGauges(now);
    poll(now);
  }

  private void poll(long now) {
    long wait = scheduler.hasReady() && slots < s.maxConcurrent() && !stopping
        ? 0 : timers.untilNext(now, Math.max(0, Math.min(watchedRuns.isEmpty() ? MAX_POLL_WAIT : TAKE_BACK_AFTER, nextCommit - now)));
    boolean waits = wait > 0 && inbox.enterPoll();
    ConsumerRecords<byte[], byte[]> records;
    try {
      records = consumer.poll(Duration.ofNanos(waits ? wait : 0));
    } catch (WakeupException e) {
      return; // a completion arrived
    } finally {
      if (waits) {
        inbox.leavePoll();
      }
    }
    if (!records.isEmpty()) {
      long at = clock.getAsLong();
      for (ConsumerRecord<byte[], byte[]> r : records) {
        receive(r, at);
      }
    }
  }

  private void receive(ConsumerRecord<byte[], byte[]> r, long now) {
    PartitionState p = last;
    if (p == null || p.tp.partition() != r.partition() || partitions.get(p.tp) != p) {
      p = partitions.get(new TopicPartition(r.topic(), r.partition()));
      if (p == null) {
        LOG.debug("Loop {}: ignoring {}-{}@{} of a partition not assigned to it", s.name(), r.topic(), r.partition(), r.offset());
        return;
      }
      last = p;
    }
    if (p.tracker.receive(r.offset())) {
      if (p.lastCommitted == null) {
        p.dirty = true; // the group has no position here yet: commit where this loop starts, before anything is done
      }
      scheduler.add(new Work(r, p, now));
    } else {
      p.dirty = true; // done before: the frontier may move past it
      metrics.skipped();
    }
  }

  private void dispatch(long now) {
    List<Work> committedFirst = null;
    while (slots < s.maxConcurrent()) {
      // A run takes one ready record with its lane's followers, or, when handlers prove fast, as many
      // ready records of other lanes as the pack budget allows: one hand-off for many.
      int fit = (int) Math.min(maxRun, PACK_BUDGET / Math.max(1, handlerNanosAvg));
      int room = Math.max(1, Math.min(maxRun, s.maxBuffered() - runTails + 1)); // records waiting in runs stay within maxBuffered
      Work w = scheduler.takeRun(Math.max(1, fit), room);
      if (w == null) {
        break;
      }
      slots++;
      Run run = new Run(w);
      for (Work x = w; x != null; x = x.runNext) {
        x.handOut(run, x == w);
        if (x != w && (x.lane == null || x.lane != w.lane)) {
          run.watched = true; // packs several lanes
        }
        inFlight++;
        x.partition.inFlight++;
        if (x != w) {
          x.inRunTail = true;
          runTails++;
        }
        if (x.startedNanos == 0) {
          x.startedNanos = now == 0 ? 1 : now;
          if (metrics != LoopMetrics.NONE) {
            running.add(x);
          }
        }
      }
      if (run.watched) {
        watchedRuns.add(run);
      }
      if (s.atMostOnce() && w.attempts == 0) {
        w.partition.tracker.done(w.offset());
        w.partition.dirty = true;
        if (committedFirst == null) {
          committedFirst = new ArrayList<>();
        }
        committedFirst.add(w);
      } else {
        execute(w);
      }
    }
    if (committedFirst != null) {
      Set<PartitionState> touched = new HashSet<>();
      committedFirst.forEach(w -> touched.add(w.partition));
      commits.commitSync(touched); // at most once: committed before any of them runs
      committedFirst.forEach(this::execute);
    }
  }

  private void execute(Work w) {
    try {
      executor.execute(() -> worker.run(w));
    } catch (RejectedExecutionException e) {
      w.endsRun = true;
      if (w.runNext != null && w.runNext.takeBack(w.run)) {
        inbox.post(Completion.of(Kind.RETURNED, w));
      }
      inbox.post(new Completion(Kind.FATAL, w, e, -1));
    }
  }

  private void applyCompletions() {
    Completion c;
    while ((c = inbox.take()) != null) {
      apply(c);
    }
  }

  private void apply(Completion c) {
    Work w = c.work();
    PartitionState p = w.partition;
    boolean live = partitions.get(p.tp) == p;
    boolean endsRun = w.endsRun;
    switch (c.kind()) {
      case DONE -> {
        done(w, live);
        if (c.handlerNanos() >= 0) {
          metrics.handled(c.handlerNanos());
          // Clamped: a fast handler whose thread the OS set aside for milliseconds must not stop the packing.
          handlerNanosAvg += (Math.min(c.handlerNanos(), PACK_BUDGET) - handlerNanosAvg) >> 4;
        }
        finish(w, live, endsRun);
      }
      case DEAD_LETTERED -> {
        done(w, live);
        metrics.deadLettered();
        finish(w, live, endsRun);
      }
      case RETURNED -> {
        Work rest = w.runNext;
        w.runNext = null;
        giveBack(w, rest);
      }
      case RETRY -> {
        release(w);
        if (live && !stopping) {
          metrics.retried();
          backoff(w, s.retry().delayBefore(w.attempts, random.getAsDouble()).toNanos());
        } else {
          untrack(w);
        }
      }
      case OUTAGE -> {
        release(w);
        if (live && !stopping) {
          warnOutage(w, c.error());
          int n = ++w.outages;
          backoff(w, Math.min(OUTAGE_MAX_DELAY, OUTAGE_FIRST_DELAY << Math.min(n - 1, 20)));
        } else {
          untrack(w);
        }
      }
      case DEAD_LETTER_FAILED -> {
        Worker.DeadLetterFailure f = (Worker.DeadLetterFailure) c.error();
        if (!live) {
          release(w);
          untrack(w);
          return;
        }
        int n = ++w.outages;
        LOG.warn("Loop {}: writing the dead letter of {} to {} failed (try {}); it is sent again, and nothing at or after it is"
            + " committed meanwhile: {}", s.name(), w.position(), deadLetters.topic(), n, f.getMessage());
        long delay = Math.min(DEAD_LETTER_MAX_DELAY, DEAD_LETTER_FIRST_DELAY << Math.min(n - 1, 20));
        timers.at(clock.getAsLong() + delay, () -> {
          if (partitions.get(p.tp) == p) {
            executeResend(w, f.original);
          } else {
            release(w);
            untrack(w);
          }
        });
      }
      case FATAL -> {
        release(w);
        untrack(w);
        if (c.error() instanceof VirtualMachineError || live) {
          fail(fatal(w, c.error()));
        }
      }
    }
  }

  /** Records of a run after {@code end} that will not run there: no longer in flight, and back in their lanes. */
  private void giveBack(Work end, Work rest) {
    for (Work x = rest; x != null; x = x.runNext) {
      release(x);
      untrack(x);
      x.startedNanos = 0;
    }
    if (stopping) {
      for (Work x = rest; x != null; ) {
        Work next = x.runNext;
        x.runNext = null;
        x = next;
      }
    } else {
      scheduler.giveBack(rest, end); // those of partitions given up meanwhile are dropped: marked revoked
    }
  }

  /**
   * Watches the runs that pack several lanes: when one's current record has run longer than {@link
   * #TAKE_BACK_AFTER}, that record no longer counts as waiting (it runs), and the records after it
   * that have not started are taken back: they go back to their lanes, and those of other lanes start
   * on other slots. Each run is dealt with once; its worker finishes the record it is at and ends there.
   */
  private void watchRuns(long now) {
    for (Iterator<Run> it = watchedRuns.iterator(); it.hasNext(); ) {
      Run run = it.next();
      if (!run.over) {
        long since = run.currentSince;
        if (since == Run.NOT_STARTED || now - since < TAKE_BACK_AFTER) {
          continue; // waiting for a thread, as the records behind it would; or not slow (yet)
        }
        Work current = run.first;
        Work taken = null;
        for (Work x = current.runNext; x != null && x.run == run; x = x.runNext) {
          if (x.takeBack(run)) {
            taken = x;
            break;
          }
          if (!x.claimed()) {
            break; // its worker took them back itself
          }
          current = x;
        }
        if (current.inRunTail) {
          current.inRunTail = false; // running, not waiting
          runTails--;
        }
        if (taken != null) {
          giveBack(current, taken);
        }
        run.over = true;
      }
      it.remove();
    }
  }

  private void executeResend(Work w, Throwable original) {
    try {
      executor.execute(() -> worker.resendDeadLetter(w, original));
    } catch (RejectedExecutionException e) {
      inbox.post(new Completion(Kind.DEAD_LETTER_FAILED, w, new Worker.DeadLetterFailure(original, e), -1));
    }
  }

  private LoopException fatal(Work w, Throwable error) {
    String cause = error.getClass().getName() + ": " + error.getMessage();
    String what;
    if (s.errorHandler() != null && !(error instanceof RejectedExecutionException)) {
      what = "The error handler of loop " + s.name() + " threw for " + w.position() + " (" + cause + ")";
    } else if (w.attempts <= 1 && error instanceof io.flowodm.DeserializationException) {
      what = "Record " + w.position() + " could not be read (" + cause + ") and loop " + s.name()
          + " has neither a dead-letter topic nor an error handler";
    } else {
      what = "Record " + w.position() + " failed after " + w.attempts + (w.attempts == 1 ? " attempt" : " attempts") + " ("
          + cause + ") and loop " + s.name() + " has neither a dead-letter topic nor an error handler";
    }
    return new LoopException(what + ", so the loop stopped. Nothing at or after " + w.position() + " is committed for its"
        + " partition: fix the cause, or add deadLetterTopic(...) or errorHandler(...), and start the loop again.", error);
  }

  private void warnOutage(Work w, Throwable error) {
    long now = clock.getAsLong();
    if (now - nextOutageWarning >= 0) {
      nextOutageWarning = now + WARN_INTERVAL;
      LOG.warn("Loop {}: {} cannot be read now and waits (not skipped, not dead-lettered): {}", s.name(), w.position(),
          error.getMessage());
    } else {
      LOG.debug("Loop {}: {} cannot be read now: {}", s.name(), w.position(), error.getMessage());
    }
  }

  /** Stops following {@code w} for the oldest-in-flight gauge (only followed with a meter registry). */
  private void untrack(Work w) {
    if (!running.isEmpty()) {
      running.remove(w);
    }
  }

  /** {@code w} is no longer in flight; when it ended its run, the run's slot is free. */
  private void release(Work w) {
    inFlight--;
    w.partition.inFlight--;
    if (w.inRunTail) {
      w.inRunTail = false;
      runTails--;
    }
    if (w.endsRun) {
      w.endsRun = false; // a retry starts a new run
      slots--;
      w.run.over = true;
    }
  }

  /**
   * A record is done: its slot is free, and its partition owes a commit, sent as soon as the last
   * background commit is answered, so that a crash runs again little more than the records in flight.
   * At most once, it was committed before it ran; in a partition no longer held, its commit is the
   * next owner's business.
   */
  private void done(Work w, boolean live) {
    release(w);
    if (live && !s.atMostOnce()) {
      commits.recordDone();
    }
  }

  /** {@code w} is done; its lane moves on when it was its lane's last in the run, or the run ended at it. */
  private void finish(Work w, boolean live, boolean endsRun) {
    untrack(w);
    if (live) {
      w.partition.tracker.done(w.offset());
      w.partition.dirty = true;
      if (endsRun || w.laneEnd) {
        scheduler.finished(w);
      }
    }
  }

  private void backoff(Work w, long delayNanos) {
    PartitionState p = w.partition;
    timers.at(clock.getAsLong() + delayNanos, () -> {
      if (partitions.get(p.tp) == p && !p.revoked && !stopping) {
        scheduler.retry(w);
      } else {
        untrack(w);
      }
    });
  }

  private void fail(LoopException e) {
    if (failure == null) {
      failure = e;
    } else if (failure != e) {
      failure.addSuppressed(e);
    }
  }

  private void updatePauses() {
    pauses.update(partitions.values(), scheduler.buffered(), stopping);
  }

  private void publishGauges(long now) {
    gauges.inFlight = inFlight;
    gauges.buffered = scheduler.buffered() + runTails;
    gauges.pausedPartitions = pauses.count();
    if (metrics != LoopMetrics.NONE && now - nextGauges >= 0) {
      nextGauges = now + GAUGE_INTERVAL;
      long oldest = -1;
      for (Work w : running) {
        if (oldest < 0 || w.startedNanos - oldest < 0) {
          oldest = w.startedNanos;
        }
      }
      gauges.oldestStartNanos = oldest;
    }
  }

  /** Records in flight (running or being dead-lettered); for tests. */
  int inFlight() {
    return inFlight;
  }

  /** Records received and not started; for tests. */
  int buffered() {
    return scheduler.buffered();
  }

  /** Records handed to a worker behind another of their run and not known to have started; for tests. */
  int waitingInRuns() {
    return runTails;
  }

  /** The number of keys with a lane (something running, backing off or waiting); for tests. */
  int lanes() {
    int n = 0;
    for (PartitionState p : partitions.values()) {
      n += p.keyLanes.size();
    }
    return n;
  }

  /** The rebalance listener; for tests of what MockConsumer cannot simulate. */
  ConsumerRebalanceListener rebalanceListener() {
    return rebalance;
  }

  /** The state of {@code tp}, or null when not assigned; for tests. */
  PartitionState partition(TopicPartition tp) {
    return partitions.get(tp);
  }

  /** The failure so far; for tests. */
  LoopException failure() {
    return failure;
  }

  // What Rebalance does to the engine's partitions, on the polling thread inside poll.

  /** The states of those of {@code tps} this loop holds. */
  List<PartitionState> states(Collection<TopicPartition> tps) {
    List<PartitionState> states = new ArrayList<>();
    for (TopicPartition tp : tps) {
      PartitionState p = partitions.get(tp);
      if (p != null) {
        states.add(p);
      }
    }
    return states;
  }

  /** Starts no more records of {@code states}: their buffered records are dropped. */
  void stopStarting(List<PartitionState> states) {
    for (PartitionState p : states) {
      p.revoked = true;
      scheduler.drop(p);
    }
  }

  /**
   * Applies completions until nothing of {@code states} is in flight or the revoke wait (half of
   * {@code max.poll.interval.ms}, at most the shutdown timeout; none while the consumer closes: the
   * drain waited already) is over.
   */
  void awaitInFlight(List<PartitionState> states) {
    long deadline = clock.getAsLong() + (closing ? 0 : revokeWait);
    while (inFlight(states) > 0 && clock.getAsLong() - deadline < 0) {
      applyCompletions();
      if (inFlight(states) > 0) {
        inbox.park(Math.min(deadline - clock.getAsLong(), Duration.ofMillis(50).toNanos()));
      }
    }
  }

  private static int inFlight(List<PartitionState> states) {
    int n = 0;
    for (PartitionState p : states) {
      n += p.inFlight;
    }
    return n;
  }

  /** Commits what is done of {@code states} and waits (revoked), or forgets what they owe (lost). */
  void leave(List<PartitionState> states, boolean commit) {
    commits.revoked(states, commit);
  }

  /** Forgets {@code states}: results for them that arrive later are dropped. */
  void forget(List<PartitionState> states) {
    for (PartitionState p : states) {
      partitions.remove(p.tp);
      metrics.partitionRemoved(p.tp);
      pauses.forget(p);
    }
    if (!running.isEmpty()) {
      running.removeIf(w -> states.contains(w.partition));
    }
    last = null;
  }

  /** Takes {@code assigned} on, with the commits the group holds for them (the done offsets in their metadata). */
  void adopt(Collection<TopicPartition> assigned, Map<TopicPartition, OffsetAndMetadata> committed) {
    for (TopicPartition tp : assigned) {
      OffsetAndMetadata c = committed.get(tp);
      long start = c == null ? -1 : c.offset();
      long[] done = c == null ? new long[0] : DoneSetCodec.decode(start, c.metadata());
      PartitionState p = new PartitionState(tp, ++generations, new PartitionTracker(start, done));
      p.lastCommitted = c;
      partitions.put(tp, p);
      metrics.partitionAdded(tp, p);
    }
    last = null;
    updatePauses();
  }

  String name() {
    return s.name();
  }
}
