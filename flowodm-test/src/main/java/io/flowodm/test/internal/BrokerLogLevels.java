package io.flowodm.test.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.slf4j.LoggerFactory;

/**
 * Turns the in-process broker's INFO logging down to warnings, so that a test's output shows the
 * test's own lines, not the broker's start-up. It changes only loggers the user has not set, and
 * only through a logging back end it can reach without a compile-time dependency: slf4j-simple
 * (system properties, read when each logger is made), Logback (levels of loggers without one) and
 * Log4j 2 while it runs on its default configuration or the one inside Kafka's test jar. With
 * another back end, or none, it does nothing; docs/testing.md gives the file for those.
 */
public final class BrokerLogLevels {
  /**
   * Logger names and the level each gets: the broker (Scala {@code kafka.*} and Java {@code
   * org.apache.kafka.*}, including its own clients' config dumps), the controller's "metadata log
   * appears to be empty" warning on every first start, and Hibernate Validator's version banner.
   */
  static final Map<String, String> LEVELS = levels();

  private static volatile boolean applied;

  private BrokerLogLevels() {}

  private static Map<String, String> levels() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("kafka", "WARN");
    m.put("state.change.logger", "WARN");
    m.put("org.apache.kafka", "WARN");
    m.put("org.apache.kafka.controller", "ERROR");
    m.put("org.apache.kafka.raft", "ERROR");
    m.put("org.hibernate.validator.internal.util.Version", "WARN");
    return m;
  }

  /** Applies the levels once per JVM, before the broker starts; never fails. */
  public static void apply() {
    if (applied) {
      return;
    }
    applied = true;
    try {
      String factory = LoggerFactory.getILoggerFactory().getClass().getName();
      if (factory.equals("org.slf4j.simple.SimpleLoggerFactory")) {
        simple();
      } else if (factory.equals("ch.qos.logback.classic.LoggerContext")) {
        logback(LoggerFactory.getILoggerFactory());
      }
      // Kafka's broker and Hibernate Validator (through jboss-logging) log to Log4j 2 when slf4j is
      // bound to it, or when jboss-logging finds it on the class path, as flowodm-test brings it.
      log4j2();
    } catch (RuntimeException | LinkageError e) {
      // Quieter logs are a convenience: a back end that behaves otherwise keeps its own levels.
    }
  }

  /** slf4j-simple reads {@code org.slf4j.simpleLogger.log.<name>} when it makes each logger. */
  private static void simple() {
    Properties file = new Properties();
    try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("simplelogger.properties")) {
      if (in != null) {
        file.load(in);
      }
    } catch (IOException e) {
      // no file: nothing of the user's to keep
    }
    simple(file, System.getProperties());
  }

  /** Sets each level in {@code system} unless {@code system} or the user's {@code file} has one. */
  static void simple(Properties file, Properties system) {
    LEVELS.forEach((name, level) -> {
      String key = "org.slf4j.simpleLogger.log." + name;
      if (system.getProperty(key) == null && file.getProperty(key) == null) {
        system.setProperty(key, level.toLowerCase(java.util.Locale.ROOT));
      }
    });
  }

  private static void logback(Object context) {
    try {
      Method getLogger = context.getClass().getMethod("getLogger", String.class);
      Class<?> levelClass = Class.forName("ch.qos.logback.classic.Level", true, context.getClass().getClassLoader());
      Method toLevel = levelClass.getMethod("toLevel", String.class);
      for (Map.Entry<String, String> e : LEVELS.entrySet()) {
        Object logger = getLogger.invoke(context, e.getKey());
        if (logger.getClass().getMethod("getLevel").invoke(logger) == null) {
          logger.getClass().getMethod("setLevel", levelClass).invoke(logger, toLevel.invoke(null, e.getValue()));
        }
      }
    } catch (ReflectiveOperationException e) {
      // another Logback than expected: leave it
    }
  }

  private static void log4j2() {
    try {
      ClassLoader loader = BrokerLogLevels.class.getClassLoader();
      Class<?> logManager = Class.forName("org.apache.logging.log4j.LogManager", true, loader);
      Object context = logManager.getMethod("getContext", boolean.class).invoke(null, false);
      Class<?> coreContext = Class.forName("org.apache.logging.log4j.core.LoggerContext", true, loader);
      if (!coreContext.isInstance(context)) {
        return;
      }
      Object configuration = coreContext.getMethod("getConfiguration").invoke(context);
      String name = String.valueOf(configuration.getClass().getMethod("getName").invoke(configuration));
      Object source = configuration.getClass().getMethod("getConfigurationSource").invoke(configuration);
      String location = String.valueOf(source.getClass().getMethod("getLocation").invoke(source));
      boolean defaults = name.startsWith("Default") || location.contains("kafka-test-common-runtime");
      if (!defaults) {
        return; // the user's own log4j2 file decides
      }
      Class<?> configurator = Class.forName("org.apache.logging.log4j.core.config.Configurator", true, loader);
      Class<?> level = Class.forName("org.apache.logging.log4j.Level", true, loader);
      Method toLevel = level.getMethod("toLevel", String.class);
      Method setLevel = configurator.getMethod("setLevel", String.class, level);
      for (Map.Entry<String, String> e : LEVELS.entrySet()) {
        setLevel.invoke(null, e.getKey(), toLevel.invoke(null, e.getValue()));
      }
    } catch (ReflectiveOperationException e) {
      // no Log4j 2 core, or another version: leave it
    }
  }
}
