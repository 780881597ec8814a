package io.cairn.core.dataset;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.core.model.ProjectId;
import java.time.Instant;
import java.util.List;

/**
 * A cached dataset's definition, as kept in the catalog.
 *
 * @param collection the collection its query reads, so that changes there can reach it
 * @param definition the query as its API sent it, in {@code language}
 */
public record Dataset(ProjectId projectId, String name, String language, String displayName, String collection,
        JsonNode definition, List<String> indexBy, Instant createdAt, Instant updatedAt) {

    public Dataset {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(name, "name is null");
        requireNonNull(language, "language is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(collection, "collection is null");
        requireNonNull(definition, "definition is null");
        indexBy = List.copyOf(indexBy);
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }
}
