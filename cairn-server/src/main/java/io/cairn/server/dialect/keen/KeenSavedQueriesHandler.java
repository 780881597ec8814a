package io.cairn.server.dialect.keen;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.ForbiddenException;
import io.cairn.core.project.Permission;
import io.cairn.core.project.Principal;
import io.cairn.core.project.Role;
import io.cairn.core.project.Scope;
import io.cairn.core.query.SavedQuery;
import io.cairn.core.query.SavedQueryResult;
import io.cairn.core.query.SavedQueryService;
import io.cairn.core.storage.Upserted;
import io.cairn.server.http.RequestBodies;
import io.cairn.server.http.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keen's saved and cached queries ({@code /queries/saved}). Definitions are managed with the master key; results
 * are read with a read key, or with an access key permitted {@code saved_queries} (or {@code cached_queries} for a
 * cached query) and, when its {@code saved_queries.allowed} lists names, only for those.
 */
final class KeenSavedQueriesHandler {

    static final String SAVED = KeenQueriesHandler.QUERIES + "/saved";
    private static final String ONE = SAVED + "/{name}";

    private final SavedQueryService savedQueries;
    private final KeenAccess access;
    private final RequestBodies bodies;
    private final Clock clock;

    KeenSavedQueriesHandler(SavedQueryService savedQueries, KeenAccess access, RequestBodies bodies, Clock clock) {
        this.savedQueries = savedQueries;
        this.access = access;
        this.bodies = bodies;
        this.clock = clock;
    }

    /** Mounted before the ad-hoc analyses, whose {@code /queries/{analysis}} would otherwise take {@code saved}. */
    void mount(RoutesConfig routes) {
        routes.get(SAVED, this::list);
        routes.get(ONE, this::get);
        routes.put(ONE, this::put);
        routes.delete(ONE, this::delete);
        routes.get(ONE + "/result", this::result);
    }

    private void list(Context ctx) {
        Principal principal = definitionReader(ctx);
        Responses.json(ctx, 200, savedQueries.list(principal.projectId(), KeenAnalyses.LANGUAGE).stream()
                .filter(query -> allowed(principal, query.name()))
                .map(KeenSavedQueryWire::render)
                .toList());
    }

    private void get(Context ctx) {
        Principal principal = definitionReader(ctx);
        String name = ctx.pathParam("name");
        requireAllowed(principal, name);
        Responses.json(ctx, 200, KeenSavedQueryWire.render(savedQueries.get(principal.projectId(),
                KeenAnalyses.LANGUAGE, name)));
    }

    private void put(Context ctx) {
        Principal principal = access.require(ctx, Role.MASTER);
        KeenSavedQueryWire.Put put = KeenSavedQueryWire.put(bodies.json(ctx));
        Upserted<SavedQuery> saved = savedQueries.save(principal.projectId(), KeenAnalyses.LANGUAGE,
                ctx.pathParam("name"), put.query(), put.metadata(), put.refreshInterval());
        Responses.json(ctx, saved.created() ? 201 : 200, KeenSavedQueryWire.render(saved.value()));
    }

    private void delete(Context ctx) {
        Principal principal = access.require(ctx, Role.MASTER);
        savedQueries.delete(principal.projectId(), KeenAnalyses.LANGUAGE, ctx.pathParam("name"));
        ctx.status(204);
    }

    private void result(Context ctx) {
        Principal principal = access.authenticate(ctx);
        String name = ctx.pathParam("name");
        requireAllowed(principal, name);
        SavedQuery query = savedQueries.get(principal.projectId(), KeenAnalyses.LANGUAGE, name);
        if (!(query.cached() && principal.scope() instanceof Scope.Restricted restricted
                && restricted.permitted().contains(Permission.CACHED_QUERIES))) {
            principal.require(Permission.SAVED_QUERIES);
        }
        SavedQueryResult answer = savedQueries.result(principal.projectId(), KeenAnalyses.LANGUAGE, name);
        if (answer.query().cached()) {
            // The standard header for a stored answer: how many seconds ago it was computed.
            long age = Math.max(0, Duration.between(answer.computedAt(), clock.instant()).toSeconds());
            ctx.header("Age", Long.toString(age));
        }
        Responses.json(ctx, 200, KeenSavedQueryWire.render(answer));
    }

    /** Definitions are the master key's, or an access key's permitted {@code saved_queries}. */
    private Principal definitionReader(Context ctx) {
        Principal principal = access.authenticate(ctx);
        return principal.scope() instanceof Scope.Restricted
                ? principal.require(Permission.SAVED_QUERIES) : principal.require(Role.MASTER);
    }

    private static boolean allowed(Principal principal, String name) {
        Optional<Set<String>> allowed = principal.scope() instanceof Scope.Restricted restricted
                ? restricted.savedQueries() : Optional.empty();
        return allowed.map(names -> names.contains(name)).orElse(true);
    }

    private static void requireAllowed(Principal principal, String name) {
        if (!allowed(principal, name)) {
            throw new ForbiddenException(ErrorCode.INSUFFICIENT_ROLE, "this key may not read saved query " + name,
                    Map.of("required", "saved_queries"));
        }
    }
}
