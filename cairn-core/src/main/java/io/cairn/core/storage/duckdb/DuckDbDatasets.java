package io.cairn.core.storage.duckdb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.core.dataset.Dataset;
import io.cairn.core.model.ProjectId;
import io.cairn.core.storage.Row;
import java.util.List;

/** The catalog's {@code datasets} table: its SQL and its row mapping; definition and index as JSON text. */
final class DuckDbDatasets {

    static final String CREATE_TABLE = "CREATE TABLE datasets (project_id VARCHAR NOT NULL, name VARCHAR NOT NULL,"
            + " language VARCHAR NOT NULL, display_name VARCHAR NOT NULL, collection VARCHAR NOT NULL,"
            + " definition VARCHAR NOT NULL, index_by VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL,"
            + " updated_at TIMESTAMP NOT NULL, PRIMARY KEY (project_id, name))";

    private static final String COLUMNS = "project_id, name, language, display_name, collection, definition,"
            + " index_by, created_at, updated_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM datasets";
    static final String SELECT_ONE = SELECT + " WHERE project_id = ? AND name = ?";
    static final String SELECT_BY_PROJECT = SELECT + " WHERE project_id = ? ORDER BY name";
    static final String SELECT_ALL = SELECT + " ORDER BY project_id, name";
    static final String INSERT = "INSERT INTO datasets (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String REPLACE = "UPDATE datasets SET language = ?, display_name = ?, collection = ?,"
            + " definition = ?, index_by = ?, updated_at = ? WHERE project_id = ? AND name = ?";
    static final String DELETE = "DELETE FROM datasets WHERE project_id = ? AND name = ?";
    static final String DELETE_PROJECT = "DELETE FROM datasets WHERE project_id = ?";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private DuckDbDatasets() {}

    static List<Object> insertValues(Dataset dataset) {
        return List.of(dataset.projectId().value(), dataset.name(), dataset.language(), dataset.displayName(),
                dataset.collection(), json(dataset.definition()), json(dataset.indexBy()), dataset.createdAt(),
                dataset.updatedAt());
    }

    static List<Object> replaceValues(Dataset dataset) {
        return List.of(dataset.language(), dataset.displayName(), dataset.collection(), json(dataset.definition()),
                json(dataset.indexBy()), dataset.updatedAt(), dataset.projectId().value(), dataset.name());
    }

    static Dataset read(Row row) {
        try {
            return new Dataset(ProjectId.of(row.string(1)), row.string(2), row.string(3), row.string(4),
                    row.string(5), JSON.readTree(row.string(6)), JSON.readValue(row.string(7), STRINGS),
                    row.instant(8), row.instant(9));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a dataset in the catalog is not JSON", e);
        }
    }

    private static String json(Object value) {
        try {
            return value instanceof JsonNode node ? JSON.writeValueAsString(node) : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not writable as JSON", e);
        }
    }
}
