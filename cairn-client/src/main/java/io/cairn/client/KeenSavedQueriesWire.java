package io.cairn.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.client.internal.ApiResponse;
import io.cairn.client.model.AnalysisType;
import io.cairn.client.model.QueryDefinition;
import io.cairn.client.model.SavedQuery;
import io.cairn.client.model.SavedQueryResult;
import io.cairn.client.model.SavedQuerySpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keen's saved query JSON ({@code /queries/saved}): the body of a create-or-replace, and the saved query object
 * the answers hold (with {@code result} beside it for a result). The readers throw {@link NullPointerException} or
 * {@link IllegalArgumentException} on an object they cannot accept, which the transport reports as an unreadable
 * answer.
 */
final class KeenSavedQueriesWire {

    private KeenSavedQueriesWire() {}

    /** What a PUT sends: {@code {"refresh_rate": seconds, "query": {"analysis_type": ..., ...}, "metadata": {}}}. */
    record SaveBody(@JsonProperty("refresh_rate") long refreshRate, Map<String, Object> query, Object metadata) {

        static SaveBody of(SavedQuerySpec spec) {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("analysis_type", spec.query().analysisType().wireName());
            query.putAll(spec.query().parameters());
            return new SaveBody(spec.refreshRate().toSeconds(), query, KeenWire.json(spec.metadata(), "metadata"));
        }
    }

    /** A saved query object; {@code result} only in a result's answer. */
    record SavedQueryJson(@JsonProperty("query_name") String name, @JsonProperty("refresh_rate") Long refreshRate,
            JsonNode query, JsonNode metadata, @JsonProperty("created_date") String createdDate,
            @JsonProperty("last_modified_date") String lastModifiedDate,
            @JsonProperty("run_information") JsonNode runInformation, JsonNode result) {

        SavedQuery toModel() {
            if (name == null) {
                throw new IllegalArgumentException("a saved query needs a query_name");
            }
            SavedQuerySpec spec = new SavedQuerySpec(definition(query),
                    Duration.ofSeconds(refreshRate == null ? 0 : refreshRate),
                    metadata == null || metadata.isNull() ? Map.of() : KeenWire.objectValue(metadata, "metadata"));
            return new SavedQuery(name, spec, KeenWire.instant(createdDate), KeenWire.instant(lastModifiedDate),
                    readRunInformation(runInformation));
        }

        static List<SavedQuery> toModels(SavedQueryJson[] queries) {
            return Arrays.stream(queries).map(SavedQueryJson::toModel).toList();
        }

        /** The query with its {@code result}; {@code age} from the answer's {@code Age} header. */
        SavedQueryResult toResult(Optional<Duration> age) {
            SavedQuery savedQuery = toModel();
            if (result == null) {
                throw new IllegalArgumentException("the answer has no result");
            }
            return new SavedQueryResult(savedQuery, KeenResults.any(savedQuery.query(), result), age);
        }
    }

    /** {@code {"analysis_type": ..., "event_collection": ..., ...}} as a definition. */
    static QueryDefinition definition(JsonNode query) {
        if (query == null || !query.isObject()) {
            throw new IllegalArgumentException("a saved query needs a query object, got " + query);
        }
        Map<String, Object> parameters = new LinkedHashMap<>(KeenWire.objectValue(query, "query"));
        Object type = parameters.remove("analysis_type");
        AnalysisType analysisType = AnalysisType.fromWireName(String.valueOf(type))
                .orElseThrow(() -> new IllegalArgumentException("unknown analysis_type " + type));
        return new QueryDefinition(analysisType, parameters);
    }

    private static Optional<SavedQuery.RunInformation> readRunInformation(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("run_information is not an object: " + node);
        }
        JsonNode date = node.get("last_run_date");
        JsonNode status = node.get("last_run_status");
        return Optional.of(new SavedQuery.RunInformation(
                date == null || date.isNull() ? null : KeenWire.instant(date.asText()),
                status == null || status.isNull() ? null : status.asText()));
    }

    /** The {@code Age} header as a duration; empty when absent or not a whole number of seconds. */
    static Optional<Duration> age(ApiResponse response) {
        return response.header("Age").flatMap(text -> {
            try {
                long seconds = Long.parseLong(text.trim());
                return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
