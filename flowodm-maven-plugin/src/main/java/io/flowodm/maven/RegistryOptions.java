package io.flowodm.maven;

import io.flowodm.FlowConfig;
import io.flowodm.registry.RegistryConfig;
import io.flowodm.registry.SchemaRegistryClient;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * A registry client from the plugin's configuration: {@code registryUrl}, else {@code
 * SCHEMA_REGISTRY_URL}; credentials from the {@code settings.xml} server {@code serverId}
 * (decrypted), else the environment as {@code FlowConfig.fromEnv()} reads it.
 */
final class RegistryOptions {

  private RegistryOptions() {}

  static SchemaRegistryClient client(
      String registryUrl, String serverId, Settings settings, SettingsDecrypter decrypter, Map<String, String> env)
      throws MojoExecutionException {
    Map<String, Object> props = new LinkedHashMap<>(FlowConfig.fromEnv(env).registryProperties());
    if (registryUrl != null && !registryUrl.isBlank()) {
      props.put(RegistryConfig.URL, registryUrl.strip());
    }
    Object url = props.get(RegistryConfig.URL);
    if (url == null || url.toString().isBlank()) {
      throw new MojoExecutionException("No Schema Registry URL: set <registryUrl> (or -Dflowodm.registryUrl=URL),"
          + " or the SCHEMA_REGISTRY_URL environment variable.");
    }
    Server server = settings == null || serverId == null ? null : settings.getServer(serverId);
    if (server != null) {
      if (decrypter != null) {
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        server = result.getServer();
      }
      if (server.getUsername() != null) {
        props.put(RegistryConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
        props.put(RegistryConfig.BASIC_AUTH_USER_INFO,
            server.getUsername() + ":" + (server.getPassword() == null ? "" : server.getPassword()));
      }
    }
    return SchemaRegistryClient.create(RegistryConfig.fromProperties(props));
  }
}
