package io.flowodm.bench.model;

/** The state of a {@link FlatEvent}. */
public enum Status {
  PENDING,
  ACTIVE,
  SUSPENDED,
  CLOSED
}
