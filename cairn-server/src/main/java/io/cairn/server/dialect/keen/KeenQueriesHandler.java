package io.cairn.server.dialect.keen;

import com.fasterxml.jackson.core.JsonGenerator;
import io.cairn.core.analysis.AnalysisService;
import io.cairn.core.analysis.ExtractionQuery;
import io.cairn.core.project.Permission;
import io.cairn.core.project.Principal;
import io.cairn.server.http.RequestBodies;
import io.cairn.server.http.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * Keen's ad-hoc analyses: {@code GET} with query-string parameters or {@code POST} with a JSON body, for every
 * analysis type. Extractions stream their events; everything else is built and rendered by {@link KeenAnalyses}.
 */
final class KeenQueriesHandler {

    static final String QUERIES = KeenDialect.PROJECT + "/queries";

    private final KeenAnalyses analyses;
    private final AnalysisService engine;
    private final KeenAccess access;
    private final RequestBodies bodies;
    private final Clock clock;

    KeenQueriesHandler(KeenAnalyses analyses, AnalysisService engine, KeenAccess access, RequestBodies bodies,
            Clock clock) {
        this.analyses = analyses;
        this.engine = engine;
        this.access = access;
        this.bodies = bodies;
        this.clock = clock;
    }

    void mount(RoutesConfig routes) {
        routes.get(QUERIES + "/{analysis}", this::analyze);
        routes.post(QUERIES + "/{analysis}", this::analyze);
    }

    private void analyze(Context ctx) {
        Principal principal = access.require(ctx, Permission.QUERIES);
        KeenQueryParams params = KeenQueryParams.of(ctx, bodies);
        String analysis = ctx.pathParam("analysis");
        if (analysis.equals("extraction")) {
            extraction(ctx, principal, params);
            return;
        }
        KeenAnalyses.Prepared prepared = analyses.prepare(analysis, params, principal.scope(), clock.instant());
        Responses.json(ctx, 200, analyses.answer(principal.projectId(), prepared));
    }

    private void extraction(Context ctx, Principal principal, KeenQueryParams params) {
        ExtractionQuery query = analyses.extraction(params, principal.scope(), clock.instant());
        ctx.status(200).contentType(Responses.JSON);
        try (OutputStream out = ctx.outputStream(); JsonGenerator json = KeenWire.FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("result");
            engine.extract(principal.projectId(), query, json);
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
