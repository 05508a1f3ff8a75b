package io.flowodm.schema.golden;

import io.flowodm.annotation.Namespace;
import io.flowodm.schema.golden.other.Address;

/** A record whose own @Namespace overrides its package's. */
@Namespace("com.acme.billing")
public record Invoice(String number, Address billTo, Status status) {}
