package io.flowodm.cli.models;

import io.flowodm.annotation.Key;
import io.flowodm.annotation.Topic;

/** A model of its own topic, for the headers and tombstones test. */
@Topic(value = "cli-notes", partitions = 2)
public record Note(@Key String id, String text) {}
