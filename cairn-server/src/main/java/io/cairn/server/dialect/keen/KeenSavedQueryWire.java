package io.cairn.server.dialect.keen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.query.QueryRun;
import io.cairn.core.query.SavedQuery;
import io.cairn.core.query.SavedQueryResult;
import io.cairn.server.http.WireTime;
import java.time.Duration;
import java.util.Set;

/**
 * Keen's saved queries on the wire. A saved query is {@code {"query_name", "refresh_rate", "query", "metadata",
 * "created_date", "last_modified_date", "run_information"}}; its result adds {@code "result"}.
 *
 * <p>Keen's clients send back what they read when they update a query, so the read-only fields are accepted in a
 * PUT body and ignored, and {@code query_name} in the body never renames (the URL names the query). Keen's Java
 * client insists that {@code group_by} is a list, so a single property is stored as a one-element list.
 */
final class KeenSavedQueryWire {

    /** Keen's bounds of {@code refresh_rate} for a cached query, in seconds; 0 means not cached. */
    static final long MIN_REFRESH_SECONDS = 4 * 3600;
    static final long MAX_REFRESH_SECONDS = 24 * 3600;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> FIELDS = Set.of("query", "refresh_rate", "metadata", "query_name",
            "created_date", "last_modified_date", "run_information", "urls", "result");

    private KeenSavedQueryWire() {}

    /** What a PUT asks to save. */
    record Put(JsonNode query, JsonNode metadata, Duration refreshInterval) {}

    static Put put(JsonNode body) {
        if (!body.isObject()) {
            throw InvalidRequestException.field("query", "a saved query is a JSON object with a \"query\"");
        }
        body.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw InvalidRequestException.field(field, "unknown saved query field " + field
                        + "; use query, refresh_rate and metadata");
            }
        });
        JsonNode query = body.get("query");
        if (query == null || !query.isObject()) {
            throw InvalidRequestException.field("query", "a saved query needs a \"query\" object with an"
                    + " analysis_type, e.g. {\"analysis_type\": \"count\", \"event_collection\": \"purchases\"}");
        }
        JsonNode metadata = body.get("metadata");
        if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
            throw InvalidRequestException.field("metadata", "metadata must be a JSON object");
        }
        return new Put(normalized((ObjectNode) query), metadata == null || metadata.isNull() ? NODES.objectNode()
                : metadata, refreshInterval(body.get("refresh_rate")));
    }

    private static Duration refreshInterval(JsonNode rate) {
        if (rate == null || rate.isNull()) {
            return Duration.ZERO;
        }
        long seconds;
        if (rate.isIntegralNumber() && rate.canConvertToLong()) {
            seconds = rate.asLong();
        } else if (rate.isTextual() && rate.asText().trim().matches("\\d{1,9}")) {
            seconds = Long.parseLong(rate.asText().trim());
        } else {
            throw InvalidRequestException.field("refresh_rate", "refresh_rate must be a whole number of seconds");
        }
        if (seconds != 0 && (seconds < MIN_REFRESH_SECONDS || seconds > MAX_REFRESH_SECONDS)) {
            throw InvalidRequestException.field("refresh_rate", "refresh_rate must be 0 (not cached) or from "
                    + MIN_REFRESH_SECONDS + " to " + MAX_REFRESH_SECONDS + " seconds (4 to 24 hours)");
        }
        return Duration.ofSeconds(seconds);
    }

    private static JsonNode normalized(ObjectNode query) {
        ObjectNode copy = query.deepCopy();
        JsonNode groupBy = copy.get("group_by");
        if (groupBy != null && groupBy.isTextual()) {
            copy.putArray("group_by").add(groupBy.asText());
        }
        return copy;
    }

    static ObjectNode render(SavedQuery query) {
        ObjectNode node = NODES.objectNode();
        node.put("query_name", query.name());
        node.put("refresh_rate", query.refreshInterval().toSeconds());
        node.set("query", query.definition());
        node.set("metadata", query.metadata());
        node.put("created_date", WireTime.format(query.createdAt()));
        node.put("last_modified_date", WireTime.format(query.updatedAt()));
        node.set("run_information", query.lastRun().map(run -> runInformation(query, run))
                .orElse(NODES.nullNode()));
        return node;
    }

    static ObjectNode render(SavedQueryResult answer) {
        ObjectNode node = render(answer.query());
        node.set("result", answer.data());
        return node;
    }

    private static JsonNode runInformation(SavedQuery query, QueryRun run) {
        ObjectNode node = NODES.objectNode();
        node.put("last_run_date", WireTime.format(run.at()));
        node.put("last_run_status", run.succeeded() ? "success" : "failure");
        run.error().ifPresent(error -> node.put("last_run_message", error));
        node.put("last_run_duration_ms", run.runtime().toMillis());
        query.nextRunAt().ifPresent(next -> node.put("next_run_date", WireTime.format(next)));
        return node;
    }
}
