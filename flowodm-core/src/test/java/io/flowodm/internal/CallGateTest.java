package io.flowodm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.ConsumerException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.errors.WakeupException;
import org.junit.jupiter.api.Test;

class CallGateTest {
  private static final ConsumerErrors ERRORS = new ConsumerErrors("t", "g");
  /** A thread per task: the common pool may have a single thread on a small machine. */
  private static final Executor THREADS = task -> Thread.ofPlatform().daemon().start(task);

  private final AtomicInteger closes = new AtomicInteger();
  private final AtomicReference<Thread> closedOn = new AtomicReference<>();
  private final AtomicInteger wakeups = new AtomicInteger();
  private final CountDownLatch woken = new CountDownLatch(1);

  private CallGate gate(Duration closeWait) {
    return new CallGate(
        ERRORS,
        () -> {
          wakeups.incrementAndGet();
          woken.countDown();
        },
        () -> {
          closes.incrementAndGet();
          closedOn.set(Thread.currentThread());
          return null;
        },
        closeWait);
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).as("latch released").isTrue();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static Throwable failureOf(CompletableFuture<?> call) throws InterruptedException {
    try {
      call.get(30, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the call did not end", e);
    }
  }

  @Test
  void aCloseWithNoCallInProgressClosesAtOnceAndOnlyOnce() {
    CallGate gate = gate(Duration.ofSeconds(30));
    assertThat(gate.call(() -> "open")).isEqualTo("open");

    gate.close();
    gate.close();

    assertThat(closes).hasValue(1);
    assertThat(closedOn).hasValue(Thread.currentThread());
    assertThat(wakeups).hasValue(0);
    assertThatThrownBy(() -> gate.call(() -> "again"))
        .isInstanceOf(ConsumerException.class)
        .hasMessage("This consumer of t is closed. Create a new one with FlowODM.consumer(...) to read on.");
  }

  @Test
  void aCloseDuringABlockingCallWakesItAndTheCallingThreadClosesBeforeCloseReturns() throws Exception {
    CallGate gate = gate(Duration.ofSeconds(30));
    CountDownLatch inside = new CountDownLatch(1);
    AtomicReference<Thread> caller = new AtomicReference<>();
    CompletableFuture<Object> call =
        CompletableFuture.supplyAsync(
            () ->
                gate.call(
                    () -> {
                      caller.set(Thread.currentThread());
                      inside.countDown();
                      await(woken); // as KafkaConsumer.poll waits until wakeup()
                      throw new WakeupException();
                    }),
            THREADS);
    await(inside);

    gate.close();

    assertThat(closes).hasValue(1);
    assertThat(closedOn.get()).isSameAs(caller.get());
    assertThat(failureOf(call))
        .isInstanceOf(ConsumerException.class)
        .hasMessageContaining("The consumer of t was closed while polling: close() was called from another thread")
        .hasMessageContaining("Create a new consumer to read on.");
  }

  @Test
  void aCloseDuringACallThatDoesNotBlockInKafkaTakesEffectWhenTheCallReturns() throws Exception {
    CallGate gate = gate(Duration.ofSeconds(30));
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Object> call =
        CompletableFuture.supplyAsync(
            () ->
                gate.call(
                    () -> {
                      inside.countDown();
                      await(release); // decoding, say: no wake-up reaches it
                      return "record";
                    }),
            THREADS);
    await(inside);
    CompletableFuture<Void> closer = CompletableFuture.runAsync(gate::close, THREADS);
    while (!gate.closeRequested()) {
      Thread.onSpinWait();
    }
    assertThat(closes).hasValue(0);

    release.countDown();

    assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo("record");
    closer.get(30, TimeUnit.SECONDS);
    assertThat(closes).hasValue(1);
    assertThat(wakeups).hasValue(1);
    assertThatThrownBy(() -> gate.call(() -> "again")).isInstanceOf(ConsumerException.class).hasMessageContaining("is closed");
  }

  @Test
  void whenTheCallOutlastsTheCloseWaitTheCallingThreadClosesAsItReturns() throws Exception {
    CallGate gate = gate(Duration.ofMillis(1));
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<Thread> caller = new AtomicReference<>();
    CompletableFuture<Object> call =
        CompletableFuture.supplyAsync(
            () ->
                gate.call(
                    () -> {
                      caller.set(Thread.currentThread());
                      inside.countDown();
                      await(release);
                      return "record";
                    }),
            THREADS);
    await(inside);

    gate.close(); // gives up waiting: the call holds on

    assertThat(closes).hasValue(0);
    assertThat(gate.closeRequested()).isTrue();
    release.countDown();
    assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo("record");
    assertThat(closes).hasValue(1);
    assertThat(closedOn.get()).isSameAs(caller.get());
  }

  @Test
  void aFailedCloseIsThrownToTheThreadThatRanIt() {
    CallGate gate =
        new CallGate(ERRORS, () -> {}, () -> new ConsumerException("Closing the Kafka consumer of t failed: boom."), Duration.ofSeconds(1));

    assertThatThrownBy(gate::close).isInstanceOf(ConsumerException.class).hasMessage("Closing the Kafka consumer of t failed: boom.");
    gate.close(); // once only
  }

  @Test
  void closingRacingWithCallsInAnyOrderClosesExactlyOnceAndEndsTheCaller() throws Exception {
    for (int round = 0; round < 300; round++) {
      AtomicInteger closed = new AtomicInteger();
      AtomicBoolean wake = new AtomicBoolean();
      CallGate gate =
          new CallGate(
              ERRORS,
              () -> wake.set(true),
              () -> {
                closed.incrementAndGet();
                return null;
              },
              Duration.ofSeconds(30));
      CompletableFuture<Throwable> caller =
          CompletableFuture.supplyAsync(
              () -> {
                while (true) {
                  try {
                    gate.call(
                        () -> {
                          if (wake.getAndSet(false)) {
                            throw new WakeupException();
                          }
                          return null;
                        });
                  } catch (ConsumerException e) {
                    return e;
                  }
                }
              },
              THREADS);
      if (round % 2 == 0) {
        Thread.yield();
      }
      gate.close();

      Throwable ended = caller.get(30, TimeUnit.SECONDS);
      assertThat(ended).as("round %d", round).hasMessageContaining("closed");
      assertThat(closed).as("round %d", round).hasValue(1);
    }
  }
}
