package io.flowodm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link ModelConsumer} joins Kafka: its consumer group (default: the model's {@code
 * @Topic(group = ...)}), its settings profile (default {@link Profile#DEFAULT}) and any extra
 * consumer properties, which win over the profile's. Immutable.
 */
public final class ConsumerOptions {
  private static final ConsumerOptions DEFAULTS = builder().build();

  private final String group;
  private final Profile profile;
  private final Map<String, Object> properties;

  private ConsumerOptions(Builder b) {
    this.group = b.group;
    this.profile = b.profile;
    this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
  }

  /** The defaults: the model's group, {@link Profile#DEFAULT}, no extra properties. */
  public static ConsumerOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The group, when set here rather than on the model. */
  public Optional<String> group() {
    return Optional.ofNullable(group);
  }

  /** The settings profile. */
  public Profile profile() {
    return profile;
  }

  /** Extra consumer properties. */
  public Map<String, Object> properties() {
    return properties;
  }

  @Override
  public String toString() {
    return "ConsumerOptions[group=" + group + ", profile=" + profile.name() + ", properties=" + FlowConfig.masked(properties) + "]";
  }

  /** Builds {@link ConsumerOptions}. */
  public static final class Builder {
    private String group;
    private Profile profile = Profile.DEFAULT;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    private Builder() {}

    /** The consumer group, instead of the model's. */
    public Builder group(String group) {
      if (group == null || group.isBlank()) {
        throw new ConfigurationException("A consumer group name must not be blank.");
      }
      this.group = group;
      return this;
    }

    /** The settings profile. */
    public Builder profile(Profile profile) {
      this.profile = Objects.requireNonNull(profile, "profile");
      return this;
    }

    /** An extra consumer property, such as {@code client.id} or {@code isolation.level}. */
    public Builder property(String key, Object value) {
      properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** The options. */
    public ConsumerOptions build() {
      return new ConsumerOptions(this);
    }
  }
}
