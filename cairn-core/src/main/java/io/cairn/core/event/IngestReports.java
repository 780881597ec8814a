package io.cairn.core.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.core.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/** Reports as JSON text, to keep the answer of an idempotent batch for its retries. */
final class IngestReports {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private IngestReports() {}

    static String toJson(IngestReport report) {
        ArrayNode collections = MAPPER.createArrayNode();
        for (IngestReport.CollectionResults results : report.collections()) {
            ObjectNode collection = collections.addObject().put("collection", results.collection());
            ArrayNode errors = collection.putArray("errors");
            for (EventError error : results.errors()) {
                if (error == null) {
                    errors.addNull();
                } else {
                    errors.addObject().put("code", error.code().name()).put("message", error.message());
                }
            }
        }
        return collections.toString();
    }

    static IngestReport fromJson(String json) {
        try {
            List<IngestReport.CollectionResults> collections = new ArrayList<>();
            for (JsonNode collection : MAPPER.readTree(json)) {
                List<EventError> errors = new ArrayList<>();
                for (JsonNode error : collection.path("errors")) {
                    errors.add(error.isNull() ? null : new EventError(ErrorCode.valueOf(error.path("code").asText()),
                            error.path("message").asText()));
                }
                collections.add(new IngestReport.CollectionResults(collection.path("collection").asText(), errors));
            }
            return new IngestReport(collections);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored ingest report is not valid JSON", e);
        }
    }
}
