package io.flowodm.test.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;

class BrokerLogLevelsTest {

  @Test
  void slf4jSimpleGetsTheBrokersLevelsUnlessTheUserSetThem() {
    Properties file = new Properties();
    file.setProperty("org.slf4j.simpleLogger.log.kafka", "debug");
    Properties system = new Properties();
    system.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "info");

    BrokerLogLevels.simple(file, system);

    assertThat(system)
        .doesNotContainKey("org.slf4j.simpleLogger.log.kafka")
        .containsEntry("org.slf4j.simpleLogger.log.org.apache.kafka", "info")
        .containsEntry("org.slf4j.simpleLogger.log.org.apache.kafka.controller", "error")
        .containsEntry("org.slf4j.simpleLogger.log.org.hibernate.validator.internal.util.Version", "warn");
  }

  @Test
  void log4jOnItsDefaultConfigurationNoLongerLogsTheBrokersInfoNorTheValidatorBanner() {
    BrokerLogLevels.apply();

    assertThat(LogManager.getLogger("kafka.server.BrokerServer").isInfoEnabled()).isFalse();
    assertThat(LogManager.getLogger("org.apache.kafka.storage.internals.log.LogManager").isInfoEnabled()).isFalse();
    assertThat(LogManager.getLogger("org.apache.kafka.controller.QuorumController").isWarnEnabled()).isFalse();
    assertThat(LogManager.getLogger("org.hibernate.validator.internal.util.Version").isInfoEnabled()).isFalse();
    assertThat(LogManager.getLogger("org.apache.kafka.clients.NetworkClient").isWarnEnabled()).isTrue();
  }
}
