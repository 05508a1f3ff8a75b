package io.flowodm.schema.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/** BigDecimal as bytes decimal(p, s): the unscaled value in big-endian two's complement. */
final class DecimalMapping extends Logical.Base<BigDecimal> {
  private final int precision;
  private final int scale;

  DecimalMapping(int precision, int scale) {
    super(LogicalTypes.decimal(precision, scale).addToSchema(Schema.create(Schema.Type.BYTES)), "BigDecimal");
    this.precision = precision;
    this.scale = scale;
  }

  @Override
  public void write(BigDecimal value, Encoder out) throws IOException {
    byte[] bytes = fit(value, precision, scale, "").unscaledValue().toByteArray();
    out.writeBytes(bytes, 0, bytes.length);
  }

  static BigDecimal fit(BigDecimal value, int precision, int scale, String read) {
    BigDecimal scaled;
    try {
      scaled = value.scale() == scale ? value : value.setScale(scale, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new DataException(
          read
              + value.toPlainString()
              + " has "
              + value.scale()
              + " digits after the point, more than the scale "
              + scale
              + " of decimal("
              + precision
              + ", "
              + scale
              + "), and is never rounded. Round it first, or raise the scale in @Decimal.");
    }
    if (scaled.precision() > precision && scaled.signum() != 0) {
      throw new DataException(
          read
              + value.toPlainString()
              + " has "
              + scaled.precision()
              + " digits, more than the precision "
              + precision
              + " of decimal("
              + precision
              + ", "
              + scale
              + "). Raise the precision in @Decimal.");
    }
    return scaled;
  }

  @Override
  public BigDecimal read(Decoder in) throws IOException {
    byte[] bytes = Primitives.readBytes(in);
    return toDecimal(bytes, scale);
  }

  private static BigDecimal toDecimal(byte[] bytes, int scale) {
    if (bytes.length == 0) {
      return BigDecimal.valueOf(0, scale);
    }
    return new BigDecimal(new BigInteger(bytes), scale);
  }

  @Override
  public Reader<BigDecimal> resolve(Schema writer, Resolver resolver) {
    int writerScale = scale;
    int writerPrecision = precision;
    if (writer.getLogicalType() instanceof LogicalTypes.Decimal d) {
      writerScale = d.getScale();
      writerPrecision = d.getPrecision();
    } else if (Logical.logicalName(writer) != null) {
      throw Logical.cannotRead(writer, this);
    }
    int from = writerScale;
    // Values of a wider writer are checked against this precision, as they would be on encode.
    boolean same = from == scale && writerPrecision <= precision && writer.getType() == Schema.Type.BYTES;
    if (same) {
      return this::read;
    }
    String read = "the value read, ";
    if (writer.getType() == Schema.Type.BYTES) {
      return in -> fit(toDecimal(Primitives.readBytes(in), from), precision, scale, read);
    }
    if (writer.getType() == Schema.Type.FIXED) {
      int size = writer.getFixedSize();
      return in -> {
        byte[] b = new byte[size];
        in.readFixed(b);
        return fit(toDecimal(b, from), precision, scale, read);
      };
    }
    throw Logical.cannotRead(writer, this);
  }
}
