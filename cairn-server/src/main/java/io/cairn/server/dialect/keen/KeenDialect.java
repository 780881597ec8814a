package io.cairn.server.dialect.keen;

import io.cairn.server.dialect.Dialect;
import io.cairn.server.dialect.DialectContext;
import io.cairn.server.http.ErrorRenderer;
import io.javalin.config.RoutesConfig;
import java.util.List;

/** The Keen IO API under {@code /3.0}. */
public final class KeenDialect implements Dialect {

    static final String ROOT = "/3.0";
    static final String PROJECT = ROOT + "/projects/{projectId}";

    private final KeenEventsHandler events;
    private final KeenKeysHandler keys;
    private final KeenSavedQueriesHandler savedQueries;
    private final KeenQueriesHandler queries;
    private final KeenDatasetsHandler datasets;

    public KeenDialect(DialectContext context) {
        KeenAccess access = new KeenAccess(context.authenticator(), context.core().projects());
        this.events = new KeenEventsHandler(context.core().events(), access, context.bodies(), context.core().clock());
        this.keys = new KeenKeysHandler(context.core().projects().accessKeys(), access, context.bodies());
        KeenAnalyses analyses = new KeenAnalyses(context.core().analyses());
        context.core().savedQueries().register(analyses);
        context.core().datasets().register(analyses);
        this.savedQueries = new KeenSavedQueriesHandler(context.core().savedQueries(), access, context.bodies(),
                context.core().clock());
        this.queries = new KeenQueriesHandler(analyses, context.core().analyses(), access, context.bodies(),
                context.core().clock());
        this.datasets = new KeenDatasetsHandler(context.core().datasets(), access, context.bodies(),
                context.core().clock());
    }

    @Override
    public String name() {
        return "keen";
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of(ROOT);
    }

    @Override
    public void mount(RoutesConfig routes) {
        events.mount(routes);
        keys.mount(routes);
        savedQueries.mount(routes);
        queries.mount(routes);
        datasets.mount(routes);
    }

    @Override
    public ErrorRenderer errors() {
        return KeenErrors.INSTANCE;
    }
}
