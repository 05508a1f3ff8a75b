package io.flowodm.cli.models;

import java.util.Optional;

/** A nested record of {@link Everything}. */
public record Address(String street, String city, Optional<String> zip) {}
