package io.flowodm.schema.golden;

import io.flowodm.annotation.Doc;
import java.nio.ByteBuffer;

/** The primitive, boxed, text and binary rows of the type table. */
@Doc("Every primitive, boxed, text and binary type.")
public record Scalars(
    boolean flag,
    int count,
    long total,
    float ratio,
    double amount,
    byte small,
    short medium,
    Boolean maybeFlag,
    Integer maybeCount,
    Long maybeTotal,
    Float maybeRatio,
    Double maybeAmount,
    Byte maybeSmall,
    Short maybeMedium,
    String name,
    CharSequence text,
    byte[] blob,
    ByteBuffer buffer) {}
