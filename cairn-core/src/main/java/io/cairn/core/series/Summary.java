package io.cairn.core.series;

/**
 * Statistics of the raw points of one series in a read's range, whatever the rollup. With no points, {@code count}
 * and {@code sum} are 0 and the others null.
 *
 * @param stddev the population standard deviation
 * @param ss     the sum of squared deviations from the mean ({@code stddev² × count})
 */
public record Summary(long count, double sum, Double mean, Double min, Double max, Double stddev, Double ss) {

    public static final Summary EMPTY = new Summary(0, 0, null, null, null, null, null);
}
