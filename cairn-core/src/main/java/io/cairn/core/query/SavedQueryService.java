package io.cairn.core.query;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.core.error.CairnException;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.error.NotFoundException;
import io.cairn.core.model.ProjectId;
import io.cairn.core.storage.Catalog;
import io.cairn.core.storage.Upserted;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saved queries: kept in the catalog by project, language and name; answered by running them (uncached queries) or
 * from the {@link ResultCache} (cached ones, which {@link #refreshDue} reruns when their interval has passed).
 *
 * <p>Thread-safe. A cached query that several requests find without a result runs once; they share its answer.
 */
public final class SavedQueryService {

    /** Longest name accepted, in characters. */
    public static final int MAX_NAME_LENGTH = 256;

    private static final Logger log = LoggerFactory.getLogger(SavedQueryService.class);

    private final Catalog catalog;
    private final ResultCache results;
    private final Clock clock;
    private final Map<String, QueryLanguage> languages = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<SavedQueryResult>> refreshing = new ConcurrentHashMap<>();

    public SavedQueryService(Catalog catalog, ResultCache results, Clock clock) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.results = requireNonNull(results, "results is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Makes a language's queries savable and runnable; registering an id again replaces the language. */
    public void register(QueryLanguage language) {
        languages.put(language.id(), language);
    }

    /**
     * Creates or replaces the query called {@code name}. The definition is checked by its language first; a
     * replaced query keeps its id and creation time and is answered afresh.
     *
     * @param metadata        a JSON object kept beside the query
     * @param refreshInterval zero for an uncached query
     * @throws InvalidRequestException for a bad name, metadata that is not an object, or a definition its language
     *     refuses
     */
    public Upserted<SavedQuery> save(ProjectId projectId, String language, String name, JsonNode definition,
            JsonNode metadata, Duration refreshInterval) {
        QueryLanguage runner = language(language);
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw InvalidRequestException.field("name", "a saved query needs a name of 1 to " + MAX_NAME_LENGTH
                    + " characters");
        }
        if (metadata == null || !metadata.isObject()) {
            throw InvalidRequestException.field("metadata", "metadata must be a JSON object");
        }
        if (refreshInterval.isNegative()) {
            throw InvalidRequestException.field("refresh_rate", "the refresh interval cannot be negative");
        }
        runner.check(definition);
        Instant now = clock.instant();
        return catalog.putSavedQuery(new SavedQuery(projectId, 0, language, name, definition, metadata,
                refreshInterval, now, now, Optional.empty()));
    }

    /** @throws NotFoundException when the project has no such query */
    public SavedQuery get(ProjectId projectId, String language, String name) {
        return catalog.findSavedQuery(projectId, language, name).orElseThrow(() -> new NotFoundException(
                ErrorCode.SAVED_QUERY_NOT_FOUND, "no saved query named " + name, Map.of("name", name)));
    }

    /** A project's queries of one language, by name. */
    public List<SavedQuery> list(ProjectId projectId, String language) {
        return catalog.listSavedQueries(projectId, language);
    }

    /** @throws NotFoundException when the project has no such query */
    public void delete(ProjectId projectId, String language, String name) {
        SavedQuery query = get(projectId, language, name);
        if (!catalog.deleteSavedQuery(projectId, query.id())) {
            throw new NotFoundException(ErrorCode.SAVED_QUERY_NOT_FOUND, "no saved query named " + name,
                    Map.of("name", name));
        }
    }

    /**
     * The answer of a saved query: for a cached query its newest stored result (computed now if it has none
     * yet), else a fresh run.
     *
     * @throws NotFoundException when the project has no such query
     * @throws CairnException what running the query threw (e.g. a 400 for a property that no longer exists)
     */
    public SavedQueryResult result(ProjectId projectId, String language, String name) {
        SavedQuery query = get(projectId, language, name);
        if (!query.cached()) {
            Instant now = clock.instant();
            return new SavedQueryResult(query, language(language).run(projectId, query.definition(), now), now,
                    false);
        }
        return results.latest(projectId, ResultCache.hash(language, query.definition()))
                .map(stored -> new SavedQueryResult(withRunOf(query, stored), stored.data(), stored.retrievedAt(),
                        true))
                .orElseGet(() -> refresh(query));
    }

    /**
     * A run stores its result before it records itself with the query, so a reader in between sees a result newer
     * than the query's last run; the result then tells that run.
     */
    private static SavedQuery withRunOf(SavedQuery query, QueryResult stored) {
        boolean recorded = query.lastRun().filter(run -> !run.at().isBefore(stored.retrievedAt())).isPresent();
        return recorded ? query
                : query.withLastRun(QueryRun.succeeded(stored.retrievedAt(), stored.runtime(), stored.id()));
    }

    /**
     * Runs every cached query whose interval has passed since its last run (or that never ran). Failures are
     * recorded with the query and logged; they do not stop the others. Called by the scheduler.
     *
     * @return how many queries ran
     */
    public int refreshDue() {
        Instant now = clock.instant();
        int ran = 0;
        for (SavedQuery query : catalog.listCachedQueries()) {
            if (!query.dueAt(now) || !languages.containsKey(query.language())) {
                continue;
            }
            try {
                refresh(query);
            } catch (CairnException e) {
                log.warn("cached query failed project={} query={} code={} message={}", query.projectId(),
                        query.name(), e.code().id(), e.getMessage());
            }
            ran++;
        }
        return ran;
    }

    /** Runs a cached query once however many callers ask at the same time, stores its result and records the run. */
    private SavedQueryResult refresh(SavedQuery query) {
        String key = query.projectId().value() + "/" + query.id() + "@" + query.updatedAt();
        CompletableFuture<SavedQueryResult> mine = new CompletableFuture<>();
        CompletableFuture<SavedQueryResult> running = refreshing.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof CairnException cairn ? cairn : e;
            }
        }
        try {
            SavedQueryResult answer = run(query);
            mine.complete(answer);
            return answer;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            refreshing.remove(key, mine);
        }
    }

    private SavedQueryResult run(SavedQuery query) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        try {
            JsonNode data = language(query.language()).run(query.projectId(), query.definition(), at);
            Duration runtime = Duration.ofNanos(System.nanoTime() - started);
            QueryResult stored = results.store(query.projectId(), ResultCache.hash(query.language(),
                    query.definition()), data, runtime, at);
            QueryRun run = QueryRun.succeeded(at, runtime, stored.id());
            catalog.recordQueryRun(query, run);
            return new SavedQueryResult(query.withLastRun(run), data, at, false);
        } catch (CairnException e) {
            catalog.recordQueryRun(query, QueryRun.failed(at, Duration.ofNanos(System.nanoTime() - started),
                    e.getMessage()));
            throw e;
        }
    }

    private QueryLanguage language(String id) {
        QueryLanguage language = languages.get(id);
        if (language == null) {
            throw InvalidRequestException.field("language", "no query language " + id + " is served here");
        }
        return language;
    }
}
