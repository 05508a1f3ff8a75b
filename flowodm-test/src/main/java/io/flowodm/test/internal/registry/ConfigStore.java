package io.flowodm.test.internal.registry;

import io.flowodm.registry.CompatibilityLevel;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Compatibility levels: one global level (Confluent's default is BACKWARD) and optional per-subject
 * levels that override it. Thread-safe.
 */
final class ConfigStore {

  private final ReentrantLock lock = new ReentrantLock();
  private final CompatibilityLevel defaultLevel;
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel;

  ConfigStore(CompatibilityLevel defaultLevel) {
    this.defaultLevel = defaultLevel;
    this.globalLevel = defaultLevel;
  }

  CompatibilityLevel global() {
    lock.lock();
    try {
      return globalLevel;
    } finally {
      lock.unlock();
    }
  }

  void setGlobal(CompatibilityLevel level) {
    lock.lock();
    try {
      globalLevel = level;
    } finally {
      lock.unlock();
    }
  }

  /** Puts the global level back to the default and returns the level it had. */
  CompatibilityLevel resetGlobal() {
    lock.lock();
    try {
      CompatibilityLevel previous = globalLevel;
      globalLevel = defaultLevel;
      return previous;
    } finally {
      lock.unlock();
    }
  }

  /** The subject's own level, if it has one. */
  Optional<CompatibilityLevel> subject(String subject) {
    lock.lock();
    try {
      return Optional.ofNullable(subjectLevels.get(subject));
    } finally {
      lock.unlock();
    }
  }

  /** The level that applies to the subject: its own, else the global one. */
  CompatibilityLevel inScope(String subject) {
    lock.lock();
    try {
      return subjectLevels.getOrDefault(subject, globalLevel);
    } finally {
      lock.unlock();
    }
  }

  void setSubject(String subject, CompatibilityLevel level) {
    lock.lock();
    try {
      subjectLevels.put(subject, level);
    } finally {
      lock.unlock();
    }
  }

  /** Removes the subject's own level and returns it, if it had one. */
  Optional<CompatibilityLevel> removeSubject(String subject) {
    lock.lock();
    try {
      return Optional.ofNullable(subjectLevels.remove(subject));
    } finally {
      lock.unlock();
    }
  }

  void clear() {
    lock.lock();
    try {
      subjectLevels.clear();
      globalLevel = defaultLevel;
    } finally {
      lock.unlock();
    }
  }
}
