package io.cairn.core.query;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InternalException;
import io.cairn.core.model.ProjectId;
import io.cairn.core.storage.ProjectStore;
import io.cairn.core.storage.Row;
import io.cairn.core.storage.StorageEngine;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one store of query results, kept in each project's own database so that results are as private as the data
 * they came from and go when the project goes. Every API that caches results (Keen's cached queries, Redash's query
 * results) stores and reads them here, keyed by a {@link #hash} of the query.
 *
 * <p>Only the newest result of each query is kept: storing one replaces the older ones in the same commit.
 * Thread-safe.
 */
public final class ResultCache {

    static final String TABLE = "cairn_query_results";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, query_hash, data, runtime_micros, retrieved_at";

    private final StorageEngine storage;
    private final Set<ProjectId> prepared = ConcurrentHashMap.newKeySet();

    public ResultCache(StorageEngine storage) {
        this.storage = storage;
    }

    /** What identifies a query for caching: its language and its definition, hashed. */
    public static String hash(String language, JsonNode definition) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(language.getBytes(UTF_8));
            digest.update((byte) 0);
            digest.update(JSON.writeValueAsBytes(definition));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores a result durably and returns it with its id; older results of the same query are dropped. */
    public QueryResult store(ProjectId projectId, String queryHash, JsonNode data, Duration runtime, Instant at) {
        String text = text(data);
        long micros = runtime.toNanos() / 1_000;
        long id = store(projectId).write(session -> {
            long next = session.queryOne("SELECT coalesce(max(id), 0) + 1 FROM " + TABLE, List.of(),
                    row -> row.longValue(1)).orElseThrow();
            session.execute("DELETE FROM " + TABLE + " WHERE query_hash = ?", List.of(queryHash));
            session.execute("INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
                    List.of(next, queryHash, text, micros, at));
            return next;
        });
        return new QueryResult(id, queryHash, data, Duration.ofNanos(micros * 1_000), at);
    }

    public Optional<QueryResult> find(ProjectId projectId, long id) {
        return store(projectId).read(session -> session.queryOne(
                "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE id = ?", List.of(id), ResultCache::result));
    }

    /** The newest result of a query, if it has one. */
    public Optional<QueryResult> latest(ProjectId projectId, String queryHash) {
        return store(projectId).read(session -> session.queryOne("SELECT " + COLUMNS + " FROM " + TABLE
                + " WHERE query_hash = ? ORDER BY id DESC LIMIT 1", List.of(queryHash), ResultCache::result));
    }

    /** Forgets that a deleted project's table was made, so that a new project with its id starts afresh. */
    public void forgetProject(ProjectId projectId) {
        prepared.remove(projectId);
    }

    private ProjectStore store(ProjectId projectId) {
        ProjectStore store = storage.project(projectId);
        if (!prepared.contains(projectId)) {
            store.write(session -> session.execute("CREATE TABLE IF NOT EXISTS " + TABLE
                    + " (id BIGINT PRIMARY KEY, query_hash VARCHAR NOT NULL, data VARCHAR NOT NULL,"
                    + " runtime_micros BIGINT NOT NULL, retrieved_at TIMESTAMP NOT NULL)", List.of()));
            prepared.add(projectId);
        }
        return store;
    }

    private static QueryResult result(Row row) {
        try {
            return new QueryResult(row.longValue(1), row.string(2), JSON.readTree(row.string(3)),
                    Duration.ofNanos(row.longValue(4) * 1_000), row.instant(5));
        } catch (JsonProcessingException e) {
            throw new InternalException(ErrorCode.STORAGE_FAILURE, "a stored query result is not JSON", e);
        }
    }

    private static String text(JsonNode data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the result cannot be written as JSON", e);
        }
    }
}
