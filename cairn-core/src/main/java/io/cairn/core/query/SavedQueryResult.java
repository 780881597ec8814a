package io.cairn.core.query;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A saved query's answer.
 *
 * @param computedAt when the answer was computed: now for an uncached query, the last refresh for a cached one
 * @param fromCache  whether the answer was stored before this request
 */
public record SavedQueryResult(SavedQuery query, JsonNode data, Instant computedAt, boolean fromCache) {

    public SavedQueryResult {
        requireNonNull(query, "query is null");
        requireNonNull(data, "data is null");
        requireNonNull(computedAt, "computedAt is null");
    }
}
