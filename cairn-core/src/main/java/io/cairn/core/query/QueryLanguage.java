package io.cairn.core.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.core.model.ProjectId;
import java.time.Instant;

/**
 * A language saved queries are written in, e.g. Keen's analysis definitions. The dialect that speaks it registers
 * it with {@link SavedQueryService#register}; the service then checks definitions when they are saved and runs
 * them when a result is asked for or a cached query is due. Implementations are thread-safe.
 */
public interface QueryLanguage {

    /** The language's id, stored with each query, e.g. {@code keen}. */
    String id();

    /**
     * Throws an {@link io.cairn.core.error.InvalidRequestException} naming the problem unless {@code definition}
     * is a query this language can run.
     */
    void check(JsonNode definition);

    /**
     * Runs {@code definition} in {@code project}, resolving relative time against {@code now}, and returns the
     * result as the language shows it.
     */
    JsonNode run(ProjectId project, JsonNode definition, Instant now);
}
