package io.flowodm.examples.orders;

import io.flowodm.examples.orders.OrderPlaced.Line;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo's stand-in for a remote warehouse service: each reservation is a slow blocking call,
 * and an order with the recalled lamp is refused every time.
 */
final class Warehouse {
  /** The product the warehouse refuses to ship. */
  static final String RECALLED_SKU = "LAMP-RECALLED";

  private final Duration call;
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger atOnce = new AtomicInteger();
  private final AtomicInteger mostAtOnce = new AtomicInteger();

  Warehouse(Duration call) {
    this.call = call;
  }

  /** Reserves the order's stock, taking as long as a remote call does; returns the order. */
  OrderPlaced reserve(OrderPlaced order) throws InterruptedException {
    calls.incrementAndGet();
    mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
    try {
      Thread.sleep(call); // the remote call; a loop runs each on a virtual thread, so waiting costs no thread
      for (Line line : order.lines()) {
        if (RECALLED_SKU.equals(line.sku())) {
          throw new IllegalStateException("The warehouse refuses " + order.orderId() + ": " + RECALLED_SKU + " was recalled");
        }
      }
      return order;
    } finally {
      atOnce.decrementAndGet();
    }
  }

  int calls() {
    return calls.get();
  }

  int mostAtOnce() {
    return mostAtOnce.get();
  }
}
