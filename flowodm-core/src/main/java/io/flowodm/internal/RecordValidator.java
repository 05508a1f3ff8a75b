package io.flowodm.internal;

import io.flowodm.ValidationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Checks records against their Jakarta Bean Validation constraints before they are sent. The
 * validator is built once, on first use, because building it takes a while.
 */
public final class RecordValidator {
  private static final class Holder {
    static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    static final Validator VALIDATOR = FACTORY.getValidator();
  }

  /** Whether a class has any constraint to check; asking the validator costs more than this. */
  private static final ClassValue<Boolean> CONSTRAINED =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          return Holder.VALIDATOR.getConstraintsForClass(type).isBeanConstrained();
        }
      };

  private RecordValidator() {}

  /**
   * Validates {@code value}, including nested records marked {@code @Valid}.
   *
   * @throws ValidationException listing every violated path when a constraint is broken
   */
  public static void validate(Object value) {
    if (!CONSTRAINED.get(value.getClass())) {
      return;
    }
    Set<ConstraintViolation<Object>> found = Holder.VALIDATOR.validate(value);
    if (found.isEmpty()) {
      return;
    }
    throw new ValidationException(describe(value), violations(value, found));
  }

  /**
   * Validates every value, then reports all violations of all of them at once.
   *
   * @throws ValidationException when any value breaks a constraint; paths start with {@code [i]}
   */
  public static void validateAll(List<?> values) {
    List<ValidationException.Violation> all = new java.util.ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      Set<ConstraintViolation<Object>> found = Holder.VALIDATOR.validate(value);
      for (ValidationException.Violation v : violations(value, found)) {
        all.add(new ValidationException.Violation("[" + i + "] " + v.path(), v.message()));
      }
    }
    if (!all.isEmpty()) {
      throw new ValidationException(values.size() + " records", all);
    }
  }

  private static String describe(Object value) {
    return value.getClass().getSimpleName();
  }

  private static List<ValidationException.Violation> violations(Object value, Set<ConstraintViolation<Object>> found) {
    String root = value.getClass().getSimpleName();
    return found.stream()
        .map(
            v ->
                new ValidationException.Violation(
                    root + "." + v.getPropertyPath(), v.getMessage() + " (was " + shown(v.getInvalidValue()) + ")"))
        .sorted(Comparator.comparing(ValidationException.Violation::path).thenComparing(ValidationException.Violation::message))
        .toList();
  }

  /**
   * The invalid value as it reads in a message: text in quotes (so a blank or empty value shows as
   * {@code " "} or {@code ""}), other values as they print, each cut at 40 characters.
   */
  static String shown(Object value) {
    String s = String.valueOf(value);
    String cut = s.length() <= 40 ? s : s.substring(0, 37) + "...";
    return value instanceof CharSequence || value instanceof Character ? "\"" + cut + "\"" : cut;
  }
}
