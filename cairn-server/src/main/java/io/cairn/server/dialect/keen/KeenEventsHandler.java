package io.cairn.server.dialect.keen;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.event.EventError;
import io.cairn.core.event.EventParser;
import io.cairn.core.event.EventService;
import io.cairn.core.event.IngestBatch;
import io.cairn.core.event.IngestReport;
import io.cairn.core.event.ParsedEvent;
import io.cairn.core.model.Filter;
import io.cairn.core.model.ProjectId;
import io.cairn.core.model.TimeRange;
import io.cairn.core.model.TimeZones;
import io.cairn.core.model.Timeframe;
import io.cairn.core.project.Permission;
import io.cairn.core.project.Principal;
import io.cairn.core.project.Role;
import io.cairn.server.http.RequestBodies;
import io.cairn.server.http.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keen's event endpoints: record one or many events (permission {@code writes}; an access key's autofill is merged
 * in), list collection schemas ({@code schema}), delete events and properties (master key only).
 */
final class KeenEventsHandler {

    static final String EVENTS = KeenDialect.PROJECT + "/events";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Every stored single event's answer; written once, not per event (it was 3% of a single event's CPU). */
    private static final byte[] CREATED = "{\"created\":true}".getBytes(StandardCharsets.US_ASCII);
    /** A transparent 1x1 GIF, the answer image beacons expect. */
    private static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final EventService events;
    private final KeenAccess access;
    private final RequestBodies bodies;
    private final Clock clock;

    KeenEventsHandler(EventService events, KeenAccess access, RequestBodies bodies, Clock clock) {
        this.events = events;
        this.access = access;
        this.bodies = bodies;
        this.clock = clock;
    }

    void mount(RoutesConfig routes) {
        routes.post(EVENTS + "/{collection}", this::addOne);
        routes.post(EVENTS, this::addBatch);
        routes.get(EVENTS, this::listCollections);
        routes.get(EVENTS + "/{collection}", this::getCollectionOrBeacon);
        routes.delete(EVENTS + "/{collection}", this::deleteEvents);
        routes.delete(EVENTS + "/{collection}/properties/{property}", this::deleteProperty);
    }

    private void addOne(Context ctx) {
        Principal principal = access.require(ctx, Permission.WRITES);
        RequestBodies.requireJsonContentType(ctx);
        ParsedEvent event = parseOne(autofill(principal, bodies.bytes(ctx)));
        EventError error = ingestOne(principal.projectId(), ctx.pathParam("collection"), event,
                idempotencyKey(ctx));
        if (error != null) {
            throw new InvalidRequestException(error.code(), error.message());
        }
        ctx.status(201).contentType(Responses.JSON).result(CREATED);
    }

    private void addBatch(Context ctx) {
        Principal principal = access.require(ctx, Permission.WRITES);
        RequestBodies.requireJsonContentType(ctx);
        Map<String, Object> autofill = principal.scope().writeAutofill();
        IngestBatch batch;
        try (InputStream body = autofill.isEmpty() ? bodies.stream(ctx)
                : new ByteArrayInputStream(KeenAutofill.batch(bodies.bytes(ctx), autofill))) {
            batch = KeenBatchReader.read(body, idempotencyKey(ctx));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IngestReport report = events.ingest(principal.projectId(), batch);
        ctx.status(200).contentType(Responses.JSON).result(KeenWire.batchResults(report));
    }

    private void listCollections(Context ctx) {
        ProjectId project = access.require(ctx, Permission.SCHEMA).projectId();
        Responses.json(ctx, 200, events.collections(project).stream()
                .map(schema -> KeenWire.CollectionBody.of(project, schema)).toList());
    }

    /** {@code GET /events/{collection}} is the schema, unless it carries {@code data}: then it is a beacon write. */
    private void getCollectionOrBeacon(Context ctx) {
        String data = ctx.queryParam("data");
        if (data != null) {
            beacon(ctx, data);
            return;
        }
        ProjectId project = access.require(ctx, Permission.SCHEMA).projectId();
        Responses.json(ctx, 200, KeenWire.CollectionBody.of(project,
                events.getCollection(project, ctx.pathParam("collection"))));
    }

    private void beacon(Context ctx, String data) {
        Principal principal = access.require(ctx, Permission.WRITES);
        byte[] json;
        try {
            json = decodeBase64(data);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(ErrorCode.INVALID_EVENT, "data must be base64-encoded JSON");
        }
        EventError error = ingestOne(principal.projectId(), ctx.pathParam("collection"),
                parseOne(autofill(principal, json)), Optional.empty());
        if (error != null) {
            throw new InvalidRequestException(error.code(), error.message());
        }
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("application/json") && !accept.contains("image/")) {
            ctx.status(200).contentType(Responses.JSON).result(CREATED);
        } else {
            ctx.status(200).contentType("image/gif").header("Cache-Control", "no-store").result(PIXEL);
        }
    }

    private void deleteEvents(Context ctx) {
        ProjectId project = access.require(ctx, Role.MASTER).projectId();
        String collection = ctx.pathParam("collection");
        List<Filter> filters = KeenWire.filters(ctx.queryParam("filters"));
        String timeframe = ctx.queryParam("timeframe");
        if (filters.isEmpty() && (timeframe == null || timeframe.isBlank())) {
            events.deleteCollection(project, collection);
        } else {
            TimeRange range = timeframe == null || timeframe.isBlank() ? null
                    : Timeframe.parse(timeframe).resolve(clock.instant(), TimeZones.parse(ctx.queryParam("timezone")),
                            Timeframe.KEEN_WEEK_START);
            events.deleteEvents(project, collection, filters, range);
        }
        ctx.status(204);
    }

    private void deleteProperty(Context ctx) {
        ProjectId project = access.require(ctx, Role.MASTER).projectId();
        events.deleteProperty(project, ctx.pathParam("collection"), ctx.pathParam("property"));
        ctx.status(204);
    }

    private EventError ingestOne(ProjectId project, String collection, ParsedEvent event, Optional<String> key) {
        IngestBatch batch = new IngestBatch(List.of(new IngestBatch.CollectionEvents(collection, List.of(event))),
                key);
        return events.ingest(project, batch).collections().getFirst().errors().getFirst();
    }

    private static byte[] autofill(Principal principal, byte[] json) {
        Map<String, Object> autofill = principal.scope().writeAutofill();
        return autofill.isEmpty() ? json : KeenAutofill.event(json, autofill);
    }

    private static ParsedEvent parseOne(byte[] json) {
        if (json.length == 0) {
            throw new InvalidRequestException(ErrorCode.INVALID_EVENT, "the request body is empty; send the event");
        }
        try {
            return new EventParser(KeenWire.FACTORY).readOne(json);
        } catch (JsonProcessingException e) {
            throw RequestBodies.malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> idempotencyKey(Context ctx) {
        String key = ctx.header(IDEMPOTENCY_KEY);
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        if (key.length() > IngestBatch.MAX_IDEMPOTENCY_KEY_LENGTH) {
            throw new InvalidRequestException(ErrorCode.INVALID_FIELD, IDEMPOTENCY_KEY + " is at most "
                    + IngestBatch.MAX_IDEMPOTENCY_KEY_LENGTH + " characters", Map.of("field", IDEMPOTENCY_KEY));
        }
        return Optional.of(key.trim());
    }

    /** Beacons encode with the standard or the URL-safe alphabet, with or without padding. */
    private static byte[] decodeBase64(String data) {
        String trimmed = data.trim();
        return trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
                ? Base64.getUrlDecoder().decode(trimmed)
                : Base64.getDecoder().decode(trimmed.replace(' ', '+'));
    }
}
