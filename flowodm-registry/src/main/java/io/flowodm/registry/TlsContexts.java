package io.flowodm.registry;

import io.flowodm.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** Builds the TLS context for trust and key store files, naming the setting that fails. */
final class TlsContexts {
  private static final String TRUSTSTORE = "schema.registry.ssl.truststore";
  private static final String KEYSTORE = "schema.registry.ssl.keystore";

  private TlsContexts() {}

  /** One store file: where it is, its password (may be null) and its type (null for default). */
  record Store(Path path, String password, String type) {
    Store {
      Objects.requireNonNull(path, "path");
      type = type == null || type.isBlank() ? KeyStore.getDefaultType() : type.strip();
    }

    @Override
    public String toString() {
      return path + " (" + type + ", password=[hidden])";
    }
  }

  /**
   * The TLS context of the stores; {@code keyPassword} unlocks the private key, null for the key
   * store's own password.
   */
  static SSLContext build(Store trustStore, Store keyStore, String keyPassword) {
    TrustManager[] trust = null;
    KeyManager[] keys = null;
    String setting = TRUSTSTORE + ".location";
    try {
      if (trustStore != null) {
        TrustManagerFactory factory =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(load(trustStore, TRUSTSTORE));
        trust = factory.getTrustManagers();
      }
      if (keyStore != null) {
        setting = KEYSTORE + ".location";
        KeyStore loaded = load(keyStore, KEYSTORE);
        KeyManagerFactory factory =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        try {
          factory.init(loaded, chars(keyPassword != null ? keyPassword : keyStore.password()));
        } catch (UnrecoverableKeyException e) {
          throw new ConfigurationException(
              "The private key in " + KEYSTORE + ".location " + keyStore.path()
                  + " cannot be unlocked with "
                  + (keyPassword != null ? RegistryConfig.KEY_PASSWORD
                      : KEYSTORE + ".password (" + RegistryConfig.KEY_PASSWORD + " is not set)")
                  + ": " + e.getMessage() + ". Set " + RegistryConfig.KEY_PASSWORD
                  + " to the key's password.", e);
        }
        keys = factory.getKeyManagers();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new ConfigurationException(
          "Cannot build the TLS context from " + setting + ": " + e.getMessage()
              + ". Check the store files and passwords.", e);
    }
  }

  private static KeyStore load(Store store, String setting) {
    KeyStore keyStore;
    try {
      keyStore = KeyStore.getInstance(store.type());
    } catch (GeneralSecurityException e) {
      throw new ConfigurationException(
          setting + ".type \"" + store.type() + "\" is not a key store type this JVM knows;"
              + " use PKCS12 or JKS.", e);
    }
    try (InputStream in = Files.newInputStream(store.path())) {
      keyStore.load(in, chars(store.password()));
      return keyStore;
    } catch (NoSuchFileException e) {
      throw new ConfigurationException(
          setting + ".location: there is no file " + store.path() + ". Set it to the "
              + store.type() + " store file.", e);
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigurationException(
          setting + ".location " + store.path() + " cannot be read as a " + store.type()
              + " store with " + setting + ".password: " + e.getMessage()
              + ". Check the password and " + setting + ".type.", e);
    }
  }

  private static char[] chars(String password) {
    return password == null ? null : password.toCharArray();
  }
}
