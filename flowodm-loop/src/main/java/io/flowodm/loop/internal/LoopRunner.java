package io.flowodm.loop.internal;

import io.flowodm.internal.FlowInternals;
import io.flowodm.loop.Loop;
import io.flowodm.loop.LoopException;
import io.flowodm.loop.LoopState;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of a loop around its {@link Engine}: {@link #run()} and {@link #start()}, the JVM shutdown
 * hook, {@code onStartup}, states, {@link #stop()}, {@link #close()}. Thread-safe.
 */
public final class LoopRunner<T> implements Loop {
  private static final Logger LOG = LoggerFactory.getLogger(LoopRunner.class);
  /** Beyond the shutdown timeout: the final commit, {@code onShutdown} and closing the clients. */
  private static final Duration CLOSE_MARGIN = Duration.ofSeconds(45);

  private final LoopSettings<T> s;
  private final LoopEnvironment env;
  private final Function<LoopSettings<T>, LoopClients<T>> clients;
  private final AtomicReference<LoopState> state = new AtomicReference<>(LoopState.NEW);
  private final CountDownLatch terminated = new CountDownLatch(1);
  private volatile Throwable failure;
  private volatile Engine<T> engine;
  private volatile boolean stopRequested;
  private volatile Thread thread;
  private Thread hook;

  /**
   * @param clients creates the Kafka consumer, reader and dead-letter writer on the loop's thread
   */
  public LoopRunner(LoopSettings<T> settings, LoopEnvironment env, Function<LoopSettings<T>, LoopClients<T>> clients) {
    this.s = settings;
    this.env = env;
    this.clients = clients;
  }

  @Override
  public void run() {
    begin(true);
    execute();
    Throwable f = failure;
    if (f != null) {
      throw (LoopException) f;
    }
  }

  @Override
  public void start() {
    begin(false);
    Thread t = new Thread(this::execute, "flowodm-loop-" + s.name());
    t.start();
  }

  private void begin(boolean blocking) {
    if (!state.compareAndSet(LoopState.NEW, LoopState.STARTING)) {
      throw new IllegalStateException("Loop " + s.name() + " was started before (it is " + state.get()
          + "): a loop runs once. Build a new one to run again.");
    }
    if (s.flow() != null) {
      try {
        FlowInternals.own(s.flow(), this); // flow.close() stops this loop first
      } catch (RuntimeException e) {
        failure = new LoopException("Loop " + s.name() + " cannot start: " + e.getMessage(), e);
        state.set(LoopState.FAILED);
        terminated.countDown();
        throw e;
      }
    }
    Boolean install = s.installSignalHandlers();
    if (install == null ? blocking : install) {
      hook = new Thread(this::onSignal, "flowodm-loop-" + s.name() + "-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
    }
  }

  /** The JVM is exiting (SIGTERM, SIGINT, System.exit): stop, and hold the exit until the loop committed. */
  private void onSignal() {
    stop();
    try {
      if (!awaitTermination(s.shutdownTimeout().plus(CLOSE_MARGIN))) {
        LOG.warn("Loop {} did not stop within {} of the JVM's shutdown; exiting without its last commit.", s.name(),
            s.shutdownTimeout().plus(CLOSE_MARGIN));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void execute() {
    thread = Thread.currentThread();
    ExecutorService own = null;
    try {
      try {
        s.onStartup().run();
      } catch (Throwable e) {
        failure = new LoopException("onStartup of loop " + s.name() + " failed, so the loop never polled: " + e, e);
        return;
      }
      LoopClients<T> c;
      try {
        c = clients.apply(s);
      } catch (RuntimeException e) {
        failure = new LoopException("Loop " + s.name() + " could not create its Kafka clients: " + e.getMessage(), e);
        return;
      }
      Executor executor = env.handlers();
      if (executor == null) {
        own = s.async() ? Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("flowodm-loop-" + s.name() + "-handler").factory())
            : Executors.newSingleThreadExecutor(daemon("flowodm-loop-" + s.name() + "-worker"));
        executor = own;
      }
      Engine<T> e = new Engine<>(s, c, env, executor, this::moveTo);
      engine = e;
      if (stopRequested) {
        e.requestStop();
      }
      failure = e.run();
    } catch (Throwable e) {
      failure = e instanceof LoopException l ? l : new LoopException("Loop " + s.name() + " failed: " + e, e);
      throw e;
    } finally {
      if (own != null) {
        own.shutdown(); // handlers abandoned at the shutdown timeout may still run; they are not waited for
      }
      state.set(failure != null ? LoopState.FAILED : LoopState.STOPPED);
      if (failure != null) {
        LOG.error("Loop {} failed: {}", s.name(), failure.getMessage());
      }
      terminated.countDown();
      removeHook();
      if (s.flow() != null) {
        FlowInternals.disown(s.flow(), this);
      }
    }
  }

  private void moveTo(LoopState next) {
    state.updateAndGet(now -> now.isTerminal() || now.ordinal() >= next.ordinal() ? now : next);
  }

  private void removeHook() {
    if (hook != null && Thread.currentThread() != hook) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down; the hook is running or done
      }
    }
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void stop() {
    stopRequested = true;
    if (state.compareAndSet(LoopState.NEW, LoopState.STOPPED)) {
      terminated.countDown();
      return;
    }
    Engine<T> e = engine;
    if (e != null) {
      e.requestStop();
    }
  }

  @Override
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public LoopState state() {
    return state.get();
  }

  @Override
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public void close() {
    stop();
    if (Thread.currentThread() == thread || Worker.onHandlerThread()) {
      return; // onStartup, onShutdown or a handler closing a loop: waiting here would wait for itself
    }
    try {
      if (!awaitTermination(s.shutdownTimeout().plus(CLOSE_MARGIN))) {
        LOG.warn("Loop {} did not stop within {}.", s.name(), s.shutdownTimeout().plus(CLOSE_MARGIN));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The settings; for the public loop classes' {@code toString}. */
  public LoopSettings<T> settings() {
    return s;
  }

  @Override
  public String toString() {
    return "Loop[" + s.name() + " on " + s.topic() + ", group " + s.group() + ", " + state.get() + "]";
  }
}
