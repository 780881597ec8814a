package io.cairn.server.dialect.tempodb;

import io.cairn.server.dialect.Dialect;
import io.cairn.server.dialect.DialectContext;
import io.cairn.server.http.ErrorRenderer;
import io.javalin.config.RoutesConfig;
import java.util.List;

/**
 * The TempoDB API under {@code /v1}, where TempoDB's client puts it (it cannot add a path prefix). Authenticated
 * with HTTP Basic: a project key's id and secret.
 */
public final class TempoDbDialect implements Dialect {

    static final String ROOT = "/v1";

    private final TempoDbSeriesHandler series;
    private final TempoDbDataHandler data;

    public TempoDbDialect(DialectContext context) {
        TempoDbAccess access = new TempoDbAccess(context.authenticator());
        this.series = new TempoDbSeriesHandler(context.core().series(), access, context.bodies());
        this.data = new TempoDbDataHandler(context.core().series(), access, context.bodies(),
                context.core().clock());
    }

    @Override
    public String name() {
        return "tempodb";
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of(ROOT);
    }

    @Override
    public void mount(RoutesConfig routes) {
        series.mount(routes);
        data.mount(routes);
    }

    @Override
    public ErrorRenderer errors() {
        return TempoDbErrors.INSTANCE;
    }
}
