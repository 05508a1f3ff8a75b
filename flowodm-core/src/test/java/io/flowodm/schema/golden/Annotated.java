package io.flowodm.schema.golden;

import io.flowodm.annotation.Aliases;
import io.flowodm.annotation.AvroDefault;
import io.flowodm.annotation.AvroName;
import io.flowodm.annotation.Doc;
import io.flowodm.schema.golden.other.Address;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every schema annotation on a record and its components, and defaults of every shape. */
@Doc("A customer order, as the shop sends it.")
@AvroName("order_placed")
@Aliases({"OrderCreated", "com.acme.legacy.NewOrder"})
public record Annotated(
    @Doc("Order number, unique per shop.") @AvroName("order_id") String id,
    @Aliases({"qty", "amount"}) @AvroDefault("1") int quantity,
    @AvroDefault("\"EUR\"") String currency,
    @AvroDefault("[]") List<String> tags,
    @AvroDefault("{}") Map<String, String> attributes,
    @AvroDefault("false") boolean gift,
    @AvroDefault("0.5") double discount,
    @AvroDefault("12345678901") long reference,
    @AvroDefault("5") Integer priority,
    @AvroDefault("\"web\"") Optional<String> channel,
    @AvroDefault("null") Optional<String> coupon,
    @AvroDefault("\"NEW\"") Status status,
    @AvroDefault("{\"street\": \"Main St 1\", \"city\": \"Springfield\"}") Address shipTo,
    @AvroDefault("\"\\u0000\\u00ff\"") byte[] marker) {}
