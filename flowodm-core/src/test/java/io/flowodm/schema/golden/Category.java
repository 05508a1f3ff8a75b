package io.flowodm.schema.golden;

import java.util.List;
import java.util.Optional;

/** A recursive record: it refers to itself by name. */
public record Category(String name, List<Category> children, Optional<Category> parent) {}
