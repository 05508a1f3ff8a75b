package io.flowodm.loop;

import io.flowodm.loop.internal.LoopRunner;
import java.time.Duration;
import java.util.Optional;

/** The {@link Loop} methods both loops share: each hands the call to the loop's runner. */
abstract class RunnerLoop<T> implements Loop {
  final LoopRunner<T> runner;

  RunnerLoop(LoopRunner<T> runner) {
    this.runner = runner;
  }

  @Override
  public void run() {
    runner.run();
  }

  @Override
  public void start() {
    runner.start();
  }

  @Override
  public void stop() {
    runner.stop();
  }

  @Override
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    return runner.awaitTermination(timeout);
  }

  @Override
  public LoopState state() {
    return runner.state();
  }

  @Override
  public Optional<Throwable> failure() {
    return runner.failure();
  }

  @Override
  public void close() {
    runner.close();
  }
}
