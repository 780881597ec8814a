package io.cairn.core.model;

import java.time.Instant;

/**
 * Times as whole microseconds since 1970-01-01T00:00Z: the engine's resolution (DuckDB's {@code TIMESTAMP}), and how
 * rows, journal records and the wire writers carry times. Digits below a microsecond are dropped toward the past,
 * so that an instant and its microsecond always fall in the same second, day and bucket.
 */
public final class EpochMicros {

    private static final long PER_SECOND = 1_000_000L;

    private EpochMicros() {}

    /** {@code instant} in microseconds; {@link ArithmeticException} beyond a long's range (about ±292,000 years). */
    public static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), PER_SECOND), instant.getNano() / 1_000);
    }

    public static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, PER_SECOND), Math.floorMod(micros, PER_SECOND) * 1_000);
    }
}
