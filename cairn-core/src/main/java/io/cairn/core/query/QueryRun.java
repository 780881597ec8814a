package io.cairn.core.query;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How the last run of a cached query went.
 *
 * @param at       when it started
 * @param runtime  how long it took
 * @param resultId the stored result, after a success
 * @param error    what went wrong, after a failure
 */
public record QueryRun(Instant at, Duration runtime, OptionalLong resultId, Optional<String> error) {

    public QueryRun {
        requireNonNull(at, "at is null");
        requireNonNull(runtime, "runtime is null");
        requireNonNull(resultId, "resultId is null");
        requireNonNull(error, "error is null");
        if (resultId.isPresent() == error.isPresent()) {
            throw new IllegalArgumentException("a run has either a result or an error");
        }
    }

    public static QueryRun succeeded(Instant at, Duration runtime, long resultId) {
        return new QueryRun(at, runtime, OptionalLong.of(resultId), Optional.empty());
    }

    public static QueryRun failed(Instant at, Duration runtime, String error) {
        return new QueryRun(at, runtime, OptionalLong.empty(), Optional.of(error));
    }

    public boolean succeeded() {
        return error.isEmpty();
    }
}
