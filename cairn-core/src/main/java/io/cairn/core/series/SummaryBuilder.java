package io.cairn.core.series;

/**
 * Builds a {@link Summary} from raw points or from whole buckets of them (count, sum, min, max and the sum of
 * squared deviations of each), merging groups with the pairwise formula of Chan et al., which stays accurate where
 * a running sum of squares would cancel. Not thread-safe; one per data set.
 */
final class SummaryBuilder {

    private long count;
    private double sum;
    private double mean;
    private double squares;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    void add(double value) {
        addGroup(1, value, value, value, 0);
    }

    /** Adds a group of {@code n} points with this sum, extremes and sum of squared deviations from their mean. */
    void addGroup(long n, double groupSum, double groupMin, double groupMax, double groupSquares) {
        if (n == 0) {
            return;
        }
        double groupMean = groupSum / n;
        long total = count + n;
        double delta = groupMean - mean;
        squares += groupSquares + delta * delta * count * n / total;
        mean += delta * n / total;
        count = total;
        sum += groupSum;
        min = Math.min(min, groupMin);
        max = Math.max(max, groupMax);
    }

    Summary build() {
        if (count == 0) {
            return Summary.EMPTY;
        }
        return new Summary(count, sum, sum / count, min, max, Math.sqrt(squares / count), squares);
    }
}
