package io.flowodm.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * One reason why data written with a writer schema cannot be read with a reader schema, found by
 * {@link ResolutionChecker} and worded by {@link IncompatibilityMessages}.
 *
 * @param kind which resolution rule failed
 * @param path where, such as {@code Order.lines[].price}
 * @param reader the reader's schema at that path
 * @param writer the writer's schema at that path (for {@link Kind#WRITER_BRANCH}: the branch)
 * @param details the field name, or the enum symbols the reader lacks; empty otherwise
 */
record Incompatibility(Kind kind, String path, Schema reader, Schema writer, List<String> details) {

  /** The resolution rules of the Avro specification that a pair of schemas can break. */
  enum Kind {
    /** Types that no promotion joins, such as string read as int. */
    TYPE_MISMATCH,
    /** A record, enum or fixed whose name (and reader aliases) do not match. */
    NAME_MISMATCH,
    /** A reader field that the writer lacks and that has no default. */
    MISSING_DEFAULT,
    /** Writer enum symbols that the reader lacks, with no reader enum default. */
    ENUM_SYMBOLS,
    /** Fixed types of different sizes. */
    FIXED_SIZE,
    /** A reader union with no branch that reads the writer's type. */
    NO_BRANCH,
    /** A branch of the writer's union that the reader cannot read. */
    WRITER_BRANCH
  }

  Incompatibility {
    details = List.copyOf(details);
  }

  static Incompatibility of(Kind kind, String path, Schema reader, Schema writer) {
    return new Incompatibility(kind, path, reader, writer, List.of());
  }
}
