package io.cairn.core.storage.duckdb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.core.model.KeyId;
import io.cairn.core.model.ProjectId;
import io.cairn.core.project.AccessKeySpec;
import io.cairn.core.project.Permission;
import io.cairn.core.project.StoredAccessKey;
import io.cairn.core.storage.Row;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The catalog's {@code access_keys} table: its SQL and its row mapping, kept apart from {@link DuckDbCatalog} so
 * that each stays readable. Permissions are stored as a comma-separated list of their ids, options as JSON text.
 */
final class DuckDbAccessKeys {

    static final String CREATE_TABLE = "CREATE TABLE access_keys (id VARCHAR PRIMARY KEY,"
            + " project_id VARCHAR NOT NULL, name VARCHAR NOT NULL, active BOOLEAN NOT NULL,"
            + " permitted VARCHAR NOT NULL, options VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL,"
            + " updated_at TIMESTAMP NOT NULL, secret_hash BLOB NOT NULL, sealed_secret BLOB NOT NULL)";
    static final String CREATE_INDEX = "CREATE INDEX access_keys_by_project ON access_keys (project_id)";

    static final String INSERT = "INSERT INTO access_keys (id, project_id, name, active, permitted, options,"
            + " created_at, updated_at, secret_hash, sealed_secret) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String SELECT_ALL = "SELECT id, project_id, name, active, permitted, options, created_at,"
            + " updated_at, secret_hash, sealed_secret FROM access_keys ORDER BY created_at, id";
    static final String UPDATE = "UPDATE access_keys SET name = ?, active = ?, permitted = ?, options = ?,"
            + " updated_at = ? WHERE project_id = ? AND id = ?";
    static final String DELETE = "DELETE FROM access_keys WHERE project_id = ? AND id = ?";
    static final String DELETE_PROJECT = "DELETE FROM access_keys WHERE project_id = ?";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OPTIONS = new TypeReference<>() {};

    private DuckDbAccessKeys() {}

    static List<Object> insertValues(StoredAccessKey key) {
        AccessKeySpec spec = key.spec();
        return List.of(key.id().value(), key.projectId().value(), spec.name(), spec.active(),
                permitted(spec.permitted()), json(spec.options()), key.createdAt(), key.updatedAt(),
                key.secretHash(), key.sealedSecret());
    }

    static List<Object> updateValues(StoredAccessKey key) {
        AccessKeySpec spec = key.spec();
        return List.of(spec.name(), spec.active(), permitted(spec.permitted()), json(spec.options()),
                key.updatedAt(), key.projectId().value(), key.id().value());
    }

    static StoredAccessKey read(Row row) {
        AccessKeySpec spec = new AccessKeySpec(row.string(3), row.booleanValue(4), permitted(row.string(5)),
                options(row.string(6)));
        return new StoredAccessKey(KeyId.of(row.string(1)), ProjectId.of(row.string(2)), spec, row.instant(7),
                row.instant(8), row.bytes(9), row.bytes(10));
    }

    /** In the enum's order, so that equal sets are stored alike. */
    private static String permitted(Set<Permission> permitted) {
        return permitted.stream().sorted().map(Permission::id).collect(Collectors.joining(","));
    }

    private static Set<Permission> permitted(String stored) {
        Set<Permission> permitted = EnumSet.noneOf(Permission.class);
        for (String id : stored.isEmpty() ? new String[0] : stored.split(",")) {
            permitted.add(Permission.fromId(id)
                    .orElseThrow(() -> new IllegalStateException("unknown permission in catalog: " + id)));
        }
        return permitted;
    }

    private static String json(Map<String, Object> options) {
        try {
            return JSON.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("access key options are JSON values and always serialize", e);
        }
    }

    private static Map<String, Object> options(String stored) {
        try {
            return JSON.readValue(stored, OPTIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("access key options in the catalog are not a JSON object", e);
        }
    }
}
