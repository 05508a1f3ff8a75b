package io.flowodm.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InboxTest {
  private final AtomicInteger wakeups = new AtomicInteger();
  private final AtomicLong now = new AtomicLong(5_000_000_000L);
  private final Inbox<String> inbox = new Inbox<>(wakeups::incrementAndGet, now::get);

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
  void aQuietMessageWakesThePollerOnlyOnceItHasWaitedAWhile() {
    assertThat(inbox.enterPoll()).isTrue();
    inbox.postQuietly("done in a run");
    now.addAndGet(Inbox.QUIET_WAKE - 1);
    inbox.postQuietly("done in a run");
    assertThat(wakeups).as("a fast handler's records do not wake the poller one by one").hasValue(0);
    now.addAndGet(1);
    inbox.postQuietly("done in a run");
    inbox.postQuietly("done in a run");
    assertThat(wakeups).as("a slow handler's still reach it soon").hasValue(1);
    inbox.leavePoll();
  }

  @Test
  void aQuietMessageNeverWakesABusyPoller() {
    now.addAndGet(10 * Inbox.QUIET_WAKE);
    inbox.postQuietly("a");
    assertThat(wakeups).hasValue(0);
    assertThat(inbox.enterPoll()).as("seen before the next wait").isFalse();
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
