package io.flowodm.schema.golden;

import io.flowodm.schema.golden.other.Address;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Named types defined once and referenced after, a recursive record, sealed unions (plain, nullable
 * and in a list) and records of three namespaces.
 */
public record Shop(
    Address address,
    Address warehouse,
    Status status,
    List<Status> history,
    Category catalogue,
    Payment payment,
    Optional<Payment> refund,
    List<Payment> payments,
    Map<String, Address> branches,
    Invoice lastInvoice) {}
