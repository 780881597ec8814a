package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Which events an operation covers by time, in one of Keen's two forms: {@link Relative} such as {@code
 * this_7_days}, or {@link Absolute} between two instants. Immutable and thread-safe.
 */
public sealed interface Timeframe {

    /**
     * A relative timeframe, evaluated by the server in the request's timezone.
     *
     * @param expression e.g. {@code this_7_days}, {@code previous_2_weeks}, {@code today}; not blank, not checked
     *     further (the server validates it)
     * @return the timeframe; never null
     * @throws NullPointerException if {@code expression} is null
     * @throws IllegalArgumentException if {@code expression} is blank
     */
    static Timeframe relative(String expression) {
        return new Relative(expression);
    }

    /**
     * An absolute timeframe from {@code start} (inclusive) to {@code end} (exclusive).
     *
     * @param start the first instant covered; never null
     * @param end the first instant not covered; never null, after {@code start}
     * @return the timeframe; never null
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code end} is not after {@code start}
     */
    static Timeframe absolute(Instant start, Instant end) {
        return new Absolute(start, end);
    }

    /**
     * A relative timeframe such as {@code this_7_days}.
     *
     * @param expression the timeframe's text; never null, not blank
     */
    record Relative(String expression) implements Timeframe {

        /**
         * Creates a relative timeframe.
         *
         * @throws NullPointerException if {@code expression} is null
         * @throws IllegalArgumentException if {@code expression} is blank
         */
        public Relative {
            requireNonNull(expression, "expression is null");
            if (expression.isBlank()) {
                throw new IllegalArgumentException("relative timeframe must not be blank");
            }
        }
    }

    /**
     * An absolute timeframe.
     *
     * @param start the first instant covered; never null
     * @param end the first instant not covered; never null, after {@code start}
     */
    record Absolute(Instant start, Instant end) implements Timeframe {

        /**
         * Creates an absolute timeframe.
         *
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if {@code end} is not after {@code start}
         */
        public Absolute {
            requireNonNull(start, "start is null");
            requireNonNull(end, "end is null");
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("timeframe end " + end + " must be after its start " + start);
            }
        }
    }
}
