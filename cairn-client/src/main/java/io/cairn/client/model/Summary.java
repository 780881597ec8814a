package io.cairn.client.model;

/**
 * Statistics over the raw points of a read's range, whatever its rollup. Immutable and thread-safe.
 *
 * @param count how many points
 * @param sum their sum; 0 without points
 * @param mean their mean; null without points
 * @param min the smallest; null without points
 * @param max the largest; null without points
 * @param stddev the population standard deviation; null without points
 * @param ss the sum of squared deviations from the mean; null without points
 */
public record Summary(long count, double sum, Double mean, Double min, Double max, Double stddev, Double ss) {}
