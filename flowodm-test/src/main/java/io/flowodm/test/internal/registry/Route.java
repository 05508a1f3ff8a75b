package io.flowodm.test.internal.registry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A method and a path pattern such as {@code /subjects/{subject}/versions}, bound to the handler
 * that answers it.
 */
record Route(String method, List<String> pattern, Handler handler) {

  /** Answers a matched request, or throws a {@link RestError}. */
  @FunctionalInterface
  interface Handler {
    Reply handle(Request request);
  }

  static Route of(String method, String pattern, Handler handler) {
    List<String> segments = List.of(pattern.substring(1).split("/"));
    return new Route(method, pattern.equals("/") ? List.of() : segments, handler);
  }

  /** The path parameters when {@code segments} fit the pattern, else null. */
  Map<String, String> match(List<String> segments) {
    if (segments.size() != pattern.size()) {
      return null;
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < pattern.size(); i++) {
      String expected = pattern.get(i);
      if (expected.startsWith("{")) {
        params.put(expected.substring(1, expected.length() - 1), segments.get(i));
      } else if (!expected.equals(segments.get(i))) {
        return null;
      }
    }
    return params;
  }
}
