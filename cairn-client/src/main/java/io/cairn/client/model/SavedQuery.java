package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A saved query as the server shows it: its name, what it is ({@link SavedQuerySpec}), when it was created and
 * changed, and how its last scheduled run went. Immutable and thread-safe.
 *
 * @param name the query's name, by which the API addresses it; never null
 * @param spec the query, refresh rate and metadata as the server stored them; never null
 * @param createdDate when the query was created; null when the server does not say
 * @param lastModifiedDate when the query was last replaced; null when the server does not say
 * @param runInformation the last scheduled refresh; empty when none has run (or the query is not cached)
 */
public record SavedQuery(String name, SavedQuerySpec spec, Instant createdDate, Instant lastModifiedDate,
        Optional<RunInformation> runInformation) {

    /**
     * Creates a saved query value.
     *
     * @throws NullPointerException if {@code name}, {@code spec} or {@code runInformation} is null
     */
    public SavedQuery {
        requireNonNull(name, "name is null");
        requireNonNull(spec, "spec is null");
        requireNonNull(runInformation, "runInformation is null");
    }

    /**
     * The query.
     *
     * @return the query as stored; never null
     */
    public QueryDefinition query() {
        return spec.query();
    }

    /**
     * How often the server refreshes the cached result.
     *
     * @return the rate; {@link Duration#ZERO} when the query is not cached; never null
     */
    public Duration refreshRate() {
        return spec.refreshRate();
    }

    /**
     * The query's metadata.
     *
     * @return the metadata as JSON values; never null, empty when there is none
     */
    public Map<String, Object> metadata() {
        return spec.metadata();
    }

    /**
     * The outcome of a saved query's last scheduled refresh.
     *
     * @param lastRunDate when it ran; null when the server does not say
     * @param lastRunStatus how it ended, as the server words it (e.g. an HTTP-like status); null when the server does
     *     not say
     */
    public record RunInformation(Instant lastRunDate, String lastRunStatus) {}
}
