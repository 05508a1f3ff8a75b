package io.flowodm.cli.models;

/** The other branch of {@link Payment}. */
public record Cash(String currency) implements Payment {}
