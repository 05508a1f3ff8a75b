package io.flowodm.cli.models;

/** A union of records: {@link Card} or {@link Cash}. */
public sealed interface Payment permits Card, Cash {}
