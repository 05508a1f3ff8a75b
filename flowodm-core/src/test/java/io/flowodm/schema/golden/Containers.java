package io.flowodm.schema.golden;

import io.flowodm.annotation.Decimal;
import io.flowodm.annotation.TimePrecision;
import io.flowodm.annotation.Timestamp;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The collection rows: List, Set, Collection, arrays and String-keyed maps, nested and annotated. */
public record Containers(
    List<String> tags,
    Set<Integer> ids,
    Collection<Long> counts,
    String[] names,
    double[] weights,
    Integer[] sparseCounts,
    Map<String, Double> rates,
    Map<CharSequence, String> labels,
    List<List<String>> matrix,
    Map<String, List<Integer>> groups,
    List<Map<String, Boolean>> switches,
    List<Optional<String>> gaps,
    @Decimal(precision = 8, scale = 3) List<BigDecimal> amounts,
    @Timestamp(TimePrecision.MICROS) Set<Instant> moments) {}
