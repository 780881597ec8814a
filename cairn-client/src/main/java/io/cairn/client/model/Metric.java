package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

/**
 * What one analysis computes: a metric type, the property it reads and, for a percentile, which one. The analysis
 * builders of {@link io.cairn.client.EventsClient} make these themselves; a multi-analysis takes them by label.
 * Immutable and thread-safe.
 *
 * <p>Checks what Keen's own clients check: {@link AnalysisType#COUNT} reads no property and every other metric
 * one; only {@link AnalysisType#PERCENTILE} has, and must have, a percentile, greater than 0 and at most 100 with
 * at most two decimals.
 *
 * @param type the metric; never null, a type for which {@link AnalysisType#isMetric()} holds
 * @param targetProperty the property's path, e.g. {@code item.price}; null for a count, else not blank
 * @param percentile the percentile to compute, e.g. 99.9; null unless {@code type} is a percentile
 */
public record Metric(AnalysisType type, String targetProperty, Double percentile) {

    /**
     * Creates a metric.
     *
     * @throws NullPointerException if {@code type} is null
     * @throws IllegalArgumentException if {@code type} is not a metric, the target property or the percentile is
     *     missing where needed, present where not, or out of range
     */
    public Metric {
        requireNonNull(type, "type is null");
        if (!type.isMetric()) {
            throw new IllegalArgumentException(type.wireName() + " is not a metric; use count, count_unique, sum,"
                    + " minimum, maximum, average, median, percentile, standard_deviation or select_unique");
        }
        if (type == AnalysisType.COUNT && targetProperty != null) {
            throw new IllegalArgumentException("count takes no target property, got " + targetProperty);
        }
        if (type != AnalysisType.COUNT && (targetProperty == null || targetProperty.isBlank())) {
            throw new IllegalArgumentException(type.wireName() + " needs a target property");
        }
        if ((type == AnalysisType.PERCENTILE) != (percentile != null)) {
            throw new IllegalArgumentException(type == AnalysisType.PERCENTILE ? "percentile needs a percentile value"
                    : type.wireName() + " takes no percentile value");
        }
        if (percentile != null) {
            checkPercentile(percentile);
        }
    }

    private static void checkPercentile(double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be greater than 0 and at most 100, got " + percentile);
        }
        double hundredths = percentile * 100;
        if (Math.abs(hundredths - Math.rint(hundredths)) > 1e-6) {
            throw new IllegalArgumentException("percentile has at most two decimals, got " + percentile);
        }
    }

    /**
     * Counts the matching events.
     *
     * @return the metric; never null
     */
    public static Metric count() {
        return new Metric(AnalysisType.COUNT, null, null);
    }

    /**
     * Counts the distinct values of a property.
     *
     * @param targetProperty the property's path; never null, not blank
     * @return the metric; never null
     * @throws IllegalArgumentException if {@code targetProperty} is null or blank
     */
    public static Metric countUnique(String targetProperty) {
        return new Metric(AnalysisType.COUNT_UNIQUE, targetProperty, null);
    }

    /**
     * Sums a numeric property.
     *
     * @param targetProperty the property's path; never null, not blank
     * @return the metric; never null
     * @throws IllegalArgumentException if {@code targetProperty} is null or blank
     */
    public static Metric sum(String targetProperty) {
        return new Metric(AnalysisType.SUM, targetProperty, null);
    }

    /**
     * The smallest value of a numeric property.
     *
     * @param targetProperty the property's path; never null, not blank
     * @return the metric; never null
     * @throws IllegalArgumentException if {@code targetProperty} is null or blank
     */
    public static Metric minimum(String targetProperty) {
        return new Metric(AnalysisType.MINIMUM, targetProperty, null);
    }

    /**
     * The largest value of a numeric property.
     *
     * @param targetProperty the property's path; never null, not blank
     * @return the metric; never null
     * @throws IllegalArgumentException if {@code targetProperty} is null or blank
     */
    public static Metric maximum(String targetProperty) {
        return new Metric(AnalysisType.MAXIMUM, targetProperty, null);
    }

    /**
     * The mean of a numeric property.
     *
     * @param targetProperty the property's path; never null, not blank
     * @return the metric; never null
     * @throws IllegalArgumentException if {@code targetProperty} is null or blank
     */
    public static Metric average(String targetProperty) {
        return new Metric(AnalysisType.AVERAGE, targetProperty, null);
    }

    /**
     * The median of a numeric property.
     *
     * @param targetProperty the property's path; never null, not blank
     * @return the metric; never null
     * @throws IllegalArgumentException if {@code targetProperty} is null or blank
     */
    public static Metric median(String targetProperty) {
        return new Metric(AnalysisType.MEDIAN, targetProperty, null);
    }

    /**
     * A percentile of a numeric property.
     *
     * @param targetProperty the property's path; never null, not blank
     * @param percentile greater than 0, at most 100, at most two decimals (e.g. 99.95 is refused)
     * @return the metric; never null
     * @throws IllegalArgumentException if {@code targetProperty} is null or blank, or {@code percentile} is out
     *     of range
     */
    public static Metric percentile(String targetProperty, double percentile) {
        return new Metric(AnalysisType.PERCENTILE, targetProperty, percentile);
    }

    /**
     * The (population) standard deviation of a numeric property.
     *
     * @param targetProperty the property's path; never null, not blank
     * @return the metric; never null
     * @throws IllegalArgumentException if {@code targetProperty} is null or blank
     */
    public static Metric standardDeviation(String targetProperty) {
        return new Metric(AnalysisType.STANDARD_DEVIATION, targetProperty, null);
    }

    /**
     * The distinct values of a property.
     *
     * @param targetProperty the property's path; never null, not blank
     * @return the metric; never null
     * @throws IllegalArgumentException if {@code targetProperty} is null or blank
     */
    public static Metric selectUnique(String targetProperty) {
        return new Metric(AnalysisType.SELECT_UNIQUE, targetProperty, null);
    }
}
