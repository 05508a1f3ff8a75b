package io.flowodm.test.internal.registry;

import java.util.Map;

/**
 * One HTTP request as a route handler sees it: decoded path parameters, decoded query parameters
 * and the raw body.
 */
record Request(Map<String, String> pathParams, Map<String, String> query, byte[] body) {

  /** A path parameter such as {@code subject}. */
  String path(String name) {
    return pathParams.get(name);
  }

  /** A boolean query parameter as JAX-RS reads one: {@code true} in any case, else false. */
  boolean flag(String name) {
    return "true".equalsIgnoreCase(query.get(name));
  }

  /** A query parameter, or {@code fallback} when absent. */
  String query(String name, String fallback) {
    return query.getOrDefault(name, fallback);
  }
}
