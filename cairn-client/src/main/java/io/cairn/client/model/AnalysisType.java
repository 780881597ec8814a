package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Keen's analysis types: the metrics, and the three analyses that are not a single metric (multi-analysis, funnel,
 * extraction). The wire name is the last path segment of {@code /queries/{analysis}} and a saved query's {@code
 * analysis_type}.
 */
public enum AnalysisType {
    /** How many events match; wire name {@code count}. */
    COUNT("count"),
    /** How many distinct values a property takes; wire name {@code count_unique}. */
    COUNT_UNIQUE("count_unique"),
    /** The sum of a numeric property; wire name {@code sum}. */
    SUM("sum"),
    /** The smallest value of a numeric property; wire name {@code minimum}. */
    MINIMUM("minimum"),
    /** The largest value of a numeric property; wire name {@code maximum}. */
    MAXIMUM("maximum"),
    /** The mean of a numeric property; wire name {@code average}. */
    AVERAGE("average"),
    /** The median of a numeric property; wire name {@code median}. */
    MEDIAN("median"),
    /** A percentile of a numeric property; wire name {@code percentile}. */
    PERCENTILE("percentile"),
    /** The standard deviation of a numeric property; wire name {@code standard_deviation}. */
    STANDARD_DEVIATION("standard_deviation"),
    /** The distinct values a property takes; wire name {@code select_unique}. */
    SELECT_UNIQUE("select_unique"),
    /** Several metrics over the same events, each under a label; wire name {@code multi_analysis}. */
    MULTI_ANALYSIS("multi_analysis"),
    /** Actors counted through a sequence of steps; wire name {@code funnel}. */
    FUNNEL("funnel"),
    /** The matching events themselves; wire name {@code extraction}. */
    EXTRACTION("extraction");

    private final String wireName;

    AnalysisType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The name used on the wire, e.g. {@code count_unique}.
     *
     * @return the wire name; never null
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Whether this type computes one value per group or bucket, and may therefore be a {@link Metric} or stand in a
     * multi-analysis: every type but {@link #MULTI_ANALYSIS}, {@link #FUNNEL} and {@link #EXTRACTION}.
     *
     * @return true for the metrics
     */
    public boolean isMetric() {
        return this != MULTI_ANALYSIS && this != FUNNEL && this != EXTRACTION;
    }

    /**
     * Looks up a type by its wire name.
     *
     * @param wireName the name as sent by the server; never null
     * @return the type; empty when the name is not one of Keen's analysis types
     * @throws NullPointerException if {@code wireName} is null
     */
    public static Optional<AnalysisType> fromWireName(String wireName) {
        requireNonNull(wireName, "wireName is null");
        for (AnalysisType type : values()) {
            if (type.wireName.equals(wireName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
