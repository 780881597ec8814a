package io.cairn.server.dialect.tempodb;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.model.ProjectId;
import io.cairn.core.project.Role;
import io.cairn.core.series.Series;
import io.cairn.core.series.SeriesFilter;
import io.cairn.core.series.SeriesRef;
import io.cairn.core.series.SeriesService;
import io.cairn.server.http.RequestBodies;
import io.cairn.server.http.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TempoDB's series endpoints: create ({@code POST /v1/series/}, write key), list with filters ({@code GET}, read
 * key), update tags, attributes and name ({@code PUT /v1/series/id/{id}/}, write key), delete with filters
 * ({@code DELETE}, master key; no filter deletes everything only with {@code allow_truncation=true}).
 */
final class TempoDbSeriesHandler {

    static final String SERIES = TempoDbDialect.ROOT + "/series";

    private final SeriesService series;
    private final TempoDbAccess access;
    private final RequestBodies bodies;

    TempoDbSeriesHandler(SeriesService series, TempoDbAccess access, RequestBodies bodies) {
        this.series = series;
        this.access = access;
        this.bodies = bodies;
    }

    void mount(RoutesConfig routes) {
        routes.post(SERIES, this::create);
        routes.get(SERIES, this::list);
        routes.delete(SERIES, this::delete);
        routes.put(SERIES + "/id/{id}", this::update);
    }

    private void create(Context ctx) {
        ProjectId project = access.require(ctx, Role.WRITE);
        JsonNode body = bodies.json(ctx);
        JsonNode key = body.path("key");
        if (!key.isMissingNode() && !key.isNull() && !key.isTextual()) {
            throw InvalidRequestException.field("key", "key must be a string");
        }
        Series created = series.create(project, key.isTextual() ? Optional.of(key.asText()) : Optional.empty());
        Responses.json(ctx, 200, TempoDbWire.SeriesBody.of(created));
    }

    private void list(Context ctx) {
        ProjectId project = access.require(ctx, Role.READ);
        Responses.json(ctx, 200, series.list(project, TempoDbParams.filter(ctx)).stream()
                .map(TempoDbWire.SeriesBody::of).toList());
    }

    private void update(Context ctx) {
        ProjectId project = access.require(ctx, Role.WRITE);
        String id = TempoDbPaths.segment(ctx, 3);
        Series current = series.get(project, SeriesRef.id(id));
        JsonNode body = bodies.json(ctx);
        if (!body.isObject()) {
            throw InvalidRequestException.field("series", "the body must be a Series object");
        }
        if (body.hasNonNull("id") && !body.path("id").asText().equals(id)) {
            throw InvalidRequestException.field("id", "the body's id differs from the id in the path");
        }
        if (body.hasNonNull("key") && !body.path("key").asText().equals(current.key())) {
            throw InvalidRequestException.field("key", "a series' key cannot be changed");
        }
        String name = body.hasNonNull("name") ? text(body.path("name"), "name") : current.name();
        List<String> tags = body.has("tags") ? tags(body.path("tags")) : current.tags();
        Map<String, String> attributes = body.has("attributes") ? attributes(body.path("attributes"))
                : current.attributes();
        Responses.json(ctx, 200, TempoDbWire.SeriesBody.of(series.update(project, id, name, tags, attributes)));
    }

    private void delete(Context ctx) {
        ProjectId project = access.require(ctx, Role.MASTER);
        SeriesFilter filter = TempoDbParams.filter(ctx);
        int deleted = filter.isEmpty() && TempoDbParams.allowsTruncation(ctx)
                ? series.deleteAllSeries(project)
                : series.deleteSeries(project, filter);
        Responses.json(ctx, 200, Map.of("deleted", deleted));
    }

    private static List<String> tags(JsonNode node) {
        if (node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw InvalidRequestException.field("tags", "tags must be an array of strings");
        }
        List<String> tags = new ArrayList<>();
        node.forEach(tag -> tags.add(text(tag, "tags")));
        return tags.stream().distinct().toList();
    }

    private static Map<String, String> attributes(JsonNode node) {
        if (node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw InvalidRequestException.field("attributes", "attributes must be an object of strings");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        node.properties().forEach(entry -> attributes.put(entry.getKey(), text(entry.getValue(), "attributes")));
        return attributes;
    }

    private static String text(JsonNode node, String field) {
        if (!node.isTextual()) {
            throw InvalidRequestException.field(field, field + " must hold strings only, got " + node);
        }
        return node.asText();
    }
}
