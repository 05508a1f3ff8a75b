package io.flowodm.registry;

import io.flowodm.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks of {@link RegistryConfig} settings; each failure names the setting and the fix. */
final class ConfigChecks {
  private static final String EXAMPLE = "e.g. http://localhost:8081";

  private ConfigChecks() {}

  /** The base URLs without user info, and the user info they carried (or null). */
  record Urls(List<URI> urls, String userInfo) {}

  static Urls urls(String value) {
    if (value == null || value.isBlank()) {
      throw new ConfigurationException(
          RegistryConfig.URL + " is not set: set it to the registry's base URL, " + EXAMPLE + ".");
    }
    List<URI> urls = new ArrayList<>();
    String userInfo = null;
    for (String part : value.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      URI uri = parse(part.strip());
      String info = uri.getRawUserInfo();
      if (info != null) {
        if (userInfo != null && !userInfo.equals(uri.getUserInfo())) {
          throw new ConfigurationException(
              RegistryConfig.URL + " has different user info in different URLs: use the same"
                  + " credentials everywhere, or set " + RegistryConfig.BASIC_AUTH_USER_INFO
                  + " instead.");
        }
        userInfo = uri.getUserInfo();
      }
      urls.add(withoutUserInfo(uri));
    }
    if (urls.isEmpty()) {
      throw new ConfigurationException(
          RegistryConfig.URL + " lists no URL: set it to the registry's base URL, " + EXAMPLE
              + ".");
    }
    return new Urls(urls, userInfo);
  }

  private static URI parse(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new ConfigurationException(
          RegistryConfig.URL + " has an invalid URL \"" + hideUserInfo(text) + "\": "
              + e.getReason() + ". Use the registry's base URL, " + EXAMPLE + ".");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ConfigurationException(
          RegistryConfig.URL + " has \"" + hideUserInfo(text) + "\", which is not an http or"
              + " https URL. Use the registry's base URL, " + EXAMPLE + ".");
    }
    if (uri.getHost() == null) {
      throw new ConfigurationException(
          RegistryConfig.URL + " has \"" + hideUserInfo(text) + "\", which names no host. Use"
              + " the registry's base URL, " + EXAMPLE + ".");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new ConfigurationException(
          RegistryConfig.URL + " has \"" + hideUserInfo(text) + "\", with a query or fragment;"
              + " a base URL has neither, " + EXAMPLE + ".");
    }
    return uri;
  }

  private static URI withoutUserInfo(URI uri) {
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[")
        ? "[" + uri.getHost() + "]" : uri.getHost();
    return URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + host + port + path);
  }

  /** {@code text} with any user info between {@code //} and {@code @} replaced. */
  static String hideUserInfo(String text) {
    return text.replaceAll("//[^/@]*@", "//[hidden]@");
  }

  static String userInfo(String explicit, String fromUrl) {
    if (explicit != null && fromUrl != null) {
      throw new ConfigurationException(
          "Basic-auth credentials are set twice, in " + RegistryConfig.BASIC_AUTH_USER_INFO
              + " and as user info in " + RegistryConfig.URL + ": keep only one.");
    }
    String info = explicit != null ? explicit : fromUrl;
    if (info == null) {
      return null;
    }
    int colon = info.indexOf(':');
    if (colon <= 0) {
      throw new ConfigurationException(
          RegistryConfig.BASIC_AUTH_USER_INFO + " must be user:secret (an API key, a colon and"
              + " the API secret); the value set (hidden here) "
              + (colon < 0 ? "has no colon." : "has no user before the colon."));
    }
    return info;
  }

  static void positive(String setting, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new ConfigurationException(
          setting + " must be a positive duration, but is " + value + ".");
    }
  }

  static void notNegative(String setting, Duration value) {
    if (value == null || value.isNegative()) {
      throw new ConfigurationException(
          setting + " must be zero or a positive duration, but is " + value + ".");
    }
  }

  static void retries(int maxRetries, Duration initial, Duration max) {
    if (maxRetries < 0 || maxRetries > 100) {
      throw new ConfigurationException(
          RegistryConfig.MAX_RETRIES + " must be between 0 and 100, but is " + maxRetries + ".");
    }
    notNegative(RegistryConfig.RETRIES_WAIT_MS, initial);
    notNegative(RegistryConfig.RETRIES_MAX_WAIT_MS, max);
    if (max.compareTo(initial) < 0) {
      throw new ConfigurationException(
          RegistryConfig.RETRIES_MAX_WAIT_MS + " (" + max + ") is shorter than "
              + RegistryConfig.RETRIES_WAIT_MS + " (" + initial + "): make it at least as long.");
    }
  }

  static void headers(Map<String, String> headers, boolean hasCredentials) {
    HttpRequest.Builder probe = HttpRequest.newBuilder(URI.create("http://localhost/"));
    for (Map.Entry<String, String> header : headers.entrySet()) {
      String name = header.getKey();
      if (hasCredentials && name.equalsIgnoreCase("Authorization")) {
        throw new ConfigurationException(
            "Header \"Authorization\" is set while basic or bearer auth is configured too: keep"
                + " only one.");
      }
      try {
        probe.header(name, header.getValue());
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(
            "Header \"" + name + "\" cannot be sent: " + e.getMessage()
                + ". Use another name, or remove it.", e);
      }
    }
  }
}
