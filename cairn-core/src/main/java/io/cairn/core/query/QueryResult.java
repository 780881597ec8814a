package io.cairn.core.query;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;

/**
 * A stored result of a query.
 *
 * @param id          unique within the project
 * @param queryHash   what identifies the query it answers ({@link ResultCache#hash})
 * @param data        the result as the query's language shows it
 * @param runtime     how long the query took
 * @param retrievedAt when the query ran; the result's age counts from here
 */
public record QueryResult(long id, String queryHash, JsonNode data, Duration runtime, Instant retrievedAt) {

    public QueryResult {
        requireNonNull(queryHash, "queryHash is null");
        requireNonNull(data, "data is null");
        requireNonNull(runtime, "runtime is null");
        requireNonNull(retrievedAt, "retrievedAt is null");
    }

    /** How old the result is at {@code now}, never negative. */
    public Duration age(Instant now) {
        Duration age = Duration.between(retrievedAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }
}
