package io.flowodm.cli;

/**
 * A JSON value that does not fit its Avro schema: names the field path ({@code
 * customer.lines[2].price}), what was expected and what was found.
 */
final class JsonDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String path;

  JsonDataException(String path, String problem) {
    super(problem);
    this.path = path;
  }

  /** The field path, or the empty string for the value itself. */
  String path() {
    return path;
  }

  /** "field `a.b`: expected ..." or, for the value itself, the problem alone. */
  String describe() {
    return path.isEmpty() ? getMessage() : "field `" + path + "`: " + getMessage();
  }
}
