package io.cairn.core.storage.duckdb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.core.model.ProjectId;
import io.cairn.core.query.QueryRun;
import io.cairn.core.query.SavedQuery;
import io.cairn.core.storage.Row;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The catalog's {@code saved_queries} table: its SQL and its row mapping. Definitions and metadata are stored as
 * JSON text, the refresh interval in seconds, the last run in four nullable columns.
 */
final class DuckDbSavedQueries {

    static final String CREATE_TABLE = "CREATE TABLE saved_queries (project_id VARCHAR NOT NULL, id BIGINT NOT NULL,"
            + " language VARCHAR NOT NULL, name VARCHAR NOT NULL, definition VARCHAR NOT NULL,"
            + " metadata VARCHAR NOT NULL, refresh_seconds BIGINT NOT NULL, created_at TIMESTAMP NOT NULL,"
            + " updated_at TIMESTAMP NOT NULL, last_run_at TIMESTAMP, last_run_micros BIGINT,"
            + " last_result_id BIGINT, last_error VARCHAR, PRIMARY KEY (project_id, id))";

    private static final String COLUMNS = "project_id, id, language, name, definition, metadata, refresh_seconds,"
            + " created_at, updated_at, last_run_at, last_run_micros, last_result_id, last_error";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM saved_queries";
    static final String SELECT_BY_NAME = SELECT + " WHERE project_id = ? AND language = ? AND name = ?";
    static final String SELECT_BY_PROJECT = SELECT + " WHERE project_id = ? AND language = ? ORDER BY name";
    static final String SELECT_CACHED = SELECT + " WHERE refresh_seconds > 0 ORDER BY project_id, id";
    static final String NEXT_ID = "SELECT coalesce(max(id), 0) + 1 FROM saved_queries WHERE project_id = ?";
    static final String INSERT = "INSERT INTO saved_queries (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?)";
    /** A changed query's last run is cleared: it answered a different question. */
    static final String REPLACE = "UPDATE saved_queries SET definition = ?, metadata = ?, refresh_seconds = ?,"
            + " updated_at = ?, last_run_at = NULL, last_run_micros = NULL, last_result_id = NULL, last_error = NULL"
            + " WHERE project_id = ? AND id = ?";
    static final String RECORD_RUN = "UPDATE saved_queries SET last_run_at = ?, last_run_micros = ?,"
            + " last_result_id = ?, last_error = ? WHERE project_id = ? AND id = ? AND updated_at = ?";
    static final String DELETE = "DELETE FROM saved_queries WHERE project_id = ? AND id = ?";
    static final String DELETE_PROJECT = "DELETE FROM saved_queries WHERE project_id = ?";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DuckDbSavedQueries() {}

    static List<Object> insertValues(SavedQuery query) {
        List<Object> values = new ArrayList<>(List.of(query.projectId().value(), query.id(), query.language(),
                query.name(), json(query.definition()), json(query.metadata()),
                query.refreshInterval().toSeconds(), query.createdAt(), query.updatedAt()));
        values.addAll(runValues(query.lastRun()));
        return values;
    }

    static List<Object> replaceValues(SavedQuery query) {
        return List.of(json(query.definition()), json(query.metadata()), query.refreshInterval().toSeconds(),
                query.updatedAt(), query.projectId().value(), query.id());
    }

    static List<Object> runValues(SavedQuery query, QueryRun run) {
        List<Object> values = new ArrayList<>(runValues(Optional.of(run)));
        values.addAll(List.of(query.projectId().value(), query.id(), query.updatedAt()));
        return values;
    }

    private static List<Object> runValues(Optional<QueryRun> run) {
        List<Object> values = new ArrayList<>();
        values.add(run.map(QueryRun::at).orElse(null));
        values.add(run.map(r -> r.runtime().toNanos() / 1_000).orElse(null));
        values.add(run.flatMap(r -> r.resultId().isPresent() ? Optional.of(r.resultId().getAsLong())
                : Optional.empty()).orElse(null));
        values.add(run.flatMap(QueryRun::error).orElse(null));
        return values;
    }

    static SavedQuery read(Row row) {
        Optional<QueryRun> lastRun = Optional.empty();
        if (row.instant(10) != null) {
            Long resultId = row.longValue(12);
            lastRun = Optional.of(new QueryRun(row.instant(10), Duration.ofNanos(row.longValue(11) * 1_000),
                    resultId == null ? OptionalLong.empty() : OptionalLong.of(resultId),
                    Optional.ofNullable(row.string(13))));
        }
        return new SavedQuery(ProjectId.of(row.string(1)), row.longValue(2), row.string(3), row.string(4),
                tree(row.string(5)), tree(row.string(6)), Duration.ofSeconds(row.longValue(7)), row.instant(8),
                row.instant(9), lastRun);
    }

    private static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not writable as JSON", e);
        }
    }

    private static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a saved query in the catalog is not JSON", e);
        }
    }
}
