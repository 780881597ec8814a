package io.cairn.server.ops;

import io.cairn.core.CairnCore;
import io.cairn.server.http.Responses;
import io.javalin.config.RoutesConfig;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** {@code GET /health}: {@code {"status":"UP"}} only while storage answers and the server is not stopping. */
public final class Health {

    private final CairnCore core;
    private final BooleanSupplier stopping;

    public Health(CairnCore core, BooleanSupplier stopping) {
        this.core = core;
        this.stopping = stopping;
    }

    public void mount(RoutesConfig routes) {
        routes.get("/health", ctx -> {
            boolean up = !stopping.getAsBoolean() && core.isReady();
            Responses.json(ctx, up ? 200 : 503, Map.of("status", up ? "UP" : "DOWN"));
        });
    }
}
