package io.flowodm.loop.process;

import io.flowodm.annotation.Key;
import io.flowodm.annotation.Topic;

/** The record the process tests send: a key (so KEY ordering has something to order) and a sequence number. */
@Topic(value = "loop.ticks", group = "loop-process", partitions = 6)
public record Tick(@Key String key, long seq) {}
