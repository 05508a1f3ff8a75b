package io.flowodm.schema.golden.other;

/** A record in a package without {@code @Namespace}: its namespace is its Java package. */
public record Address(String street, String city, @Nullable String zip) {}
