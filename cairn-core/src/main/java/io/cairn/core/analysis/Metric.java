package io.cairn.core.analysis;

import static java.util.Objects.requireNonNull;

import io.cairn.core.error.InvalidRequestException;
import java.util.List;

/** What an analysis computes over the matching events. */
public sealed interface Metric {

    /** The property the metric reads; null for {@link Count}. */
    String target();

    /** The value of a bucket or group with no events: 0 for counts and sums, null (or an empty list) otherwise. */
    default Object emptyValue() {
        return null;
    }

    record Count() implements Metric {
        @Override
        public String target() {
            return null;
        }

        @Override
        public Object emptyValue() {
            return 0L;
        }
    }

    record CountUnique(String target) implements Metric {
        public CountUnique {
            requireTarget(target);
        }

        @Override
        public Object emptyValue() {
            return 0L;
        }
    }

    record Sum(String target) implements Metric {
        public Sum {
            requireTarget(target);
        }

        @Override
        public Object emptyValue() {
            return 0L;
        }
    }

    record Minimum(String target) implements Metric {
        public Minimum {
            requireTarget(target);
        }
    }

    record Maximum(String target) implements Metric {
        public Maximum {
            requireTarget(target);
        }
    }

    record Average(String target) implements Metric {
        public Average {
            requireTarget(target);
        }
    }

    record Median(String target) implements Metric {
        public Median {
            requireTarget(target);
        }
    }

    /** @param percentile from 0 to 100 */
    record Percentile(String target, double percentile) implements Metric {
        public Percentile {
            requireTarget(target);
            if (!(percentile >= 0 && percentile <= 100)) {
                throw InvalidRequestException.field("percentile", "percentile must be a number from 0 to 100");
            }
        }
    }

    record StandardDeviation(String target) implements Metric {
        public StandardDeviation {
            requireTarget(target);
        }
    }

    /** The distinct values of the target, sorted. */
    record SelectUnique(String target) implements Metric {
        public SelectUnique {
            requireTarget(target);
        }

        @Override
        public Object emptyValue() {
            return List.of();
        }
    }

    private static void requireTarget(String target) {
        if (target == null || target.isBlank()) {
            throw InvalidRequestException.missing("target_property");
        }
        requireNonNull(target);
    }
}
