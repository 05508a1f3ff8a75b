package io.flowodm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code flowodm --version}: the version the jar was built as. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    }
    return new String[] {
      "flowodm " + p.getProperty("version", "unknown"),
      "Java ${java.version} (${java.vendor}), ${os.name} ${os.arch}"
    };
  }
}
