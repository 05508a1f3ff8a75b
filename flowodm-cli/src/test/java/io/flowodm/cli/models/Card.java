package io.flowodm.cli.models;

/** One branch of {@link Payment}. */
public record Card(String number, int expiryYear) implements Payment {}
