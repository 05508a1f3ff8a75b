package io.flowodm.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InboxTest {
  private final AtomicInteger wakeups = new AtomicInteger();
  private final Inbox<String> inbox = new Inbox<>(wakeups::incrementAndGet);

  @Test
  void aMessagePostedWhileThePollerPollsWakesItOnce() {
    assertThat(inbox.enterPoll()).isTrue();
    inbox.post("a");
    inbox.post("b");
    inbox.leavePoll();
    assertThat(wakeups).hasValue(1);
    assertThat(inbox.take()).isEqualTo("a");
    assertThat(inbox.take()).isEqualTo("b");
    assertThat(inbox.take()).isNull();
  }

  @Test
  void aMessageAlreadyThereMeansThePollMustNotWait() {
    inbox.post("a");
    assertThat(inbox.enterPoll()).isFalse();
    assertThat(wakeups).hasValue(0);
  }

  @Test
  void noWakeUpWhileThePollerIsBusy() {
    inbox.post("a");
    assertThat(wakeups).hasValue(0);
  }

  @Test
  void aParkedPollerIsUnparkedByAPost() throws InterruptedException {
    CountDownLatch parked = new CountDownLatch(1);
    CountDownLatch back = new CountDownLatch(1);
    Thread poller = Thread.ofPlatform().start(() -> {
      inbox.pollerIs(Thread.currentThread());
      parked.countDown();
      inbox.park(TimeUnit.MINUTES.toNanos(10));
      back.countDown();
    });
    parked.await();
    while (poller.getState() != Thread.State.TIMED_WAITING && back.getCount() > 0) {
      Thread.onSpinWait(); // until it really parks
    }
    inbox.post("done");
    assertThat(back.await(1, TimeUnit.MINUTES)).isTrue();
    assertThat(inbox.take()).isEqualTo("done");
  }
}
