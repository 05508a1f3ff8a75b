package io.flowodm.cli.models;

/** An enum component of {@link Everything}. */
public enum Color {
  RED,
  GREEN,
  BLUE
}
