package io.flowodm.schema.golden;

import io.flowodm.schema.golden.other.Address;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Every nullable form: Optional, the primitive Optionals, boxes and both kinds of @Nullable. */
public record Nullability(
    Optional<String> nickname,
    Optional<Integer> age,
    OptionalInt floor,
    OptionalLong visits,
    OptionalDouble score,
    Long boxed,
    @Nullable String note,
    @io.flowodm.schema.golden.other.Nullable String remark,
    Optional<Address> address,
    Optional<List<String>> aliases) {}
