package io.cairn.core.query;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.core.model.ProjectId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A query kept under a name in a project. One with a refresh interval is <em>cached</em>: the scheduler reruns it
 * that often and readers are served the stored result.
 *
 * @param id              unique within the project, never reused
 * @param language        the {@link QueryLanguage} its definition is written in
 * @param definition      the query as its API sent it
 * @param metadata        what the API keeps beside the query (display names, charts...); an object, maybe empty
 * @param refreshInterval zero for a query that is run on every read
 * @param lastRun         the last scheduled or first run of a cached query; cleared when the query changes
 */
public record SavedQuery(ProjectId projectId, long id, String language, String name, JsonNode definition,
        JsonNode metadata, Duration refreshInterval, Instant createdAt, Instant updatedAt,
        Optional<QueryRun> lastRun) {

    /** A failing cached query is retried this often, or at its own interval when that is shorter. */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(10);

    public SavedQuery {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(language, "language is null");
        requireNonNull(name, "name is null");
        requireNonNull(definition, "definition is null");
        requireNonNull(metadata, "metadata is null");
        requireNonNull(refreshInterval, "refreshInterval is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
        requireNonNull(lastRun, "lastRun is null");
        if (refreshInterval.isNegative()) {
            throw new IllegalArgumentException("refreshInterval is negative");
        }
    }

    public boolean cached() {
        return !refreshInterval.isZero();
    }

    /**
     * When a cached query should run next: at once if it never ran, one interval after a success, and after a
     * failure sooner ({@link #RETRY_AFTER_FAILURE}) when the interval is longer. Empty for an uncached query.
     */
    public Optional<Instant> nextRunAt() {
        if (!cached()) {
            return Optional.empty();
        }
        return Optional.of(lastRun.map(run -> run.at().plus(run.succeeded()
                || refreshInterval.compareTo(RETRY_AFTER_FAILURE) < 0 ? refreshInterval : RETRY_AFTER_FAILURE))
                .orElse(Instant.EPOCH));
    }

    /** Whether a cached query should run at {@code now}. */
    public boolean dueAt(Instant now) {
        return nextRunAt().map(next -> !now.isBefore(next)).orElse(false);
    }

    SavedQuery withLastRun(QueryRun run) {
        return new SavedQuery(projectId, id, language, name, definition, metadata, refreshInterval, createdAt,
                updatedAt, Optional.of(run));
    }
}
