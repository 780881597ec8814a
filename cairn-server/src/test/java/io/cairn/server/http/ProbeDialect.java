package io.cairn.server.http;

import io.cairn.core.error.CairnException;
import io.cairn.core.project.Principal;
import io.cairn.core.project.Role;
import io.cairn.server.dialect.Dialect;
import io.cairn.server.dialect.DialectContext;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A test-only dialect under {@code /probe} that exercises the shared plumbing the way real dialects will: it
 * authenticates with the credential styles named in the path, checks roles, fails on purpose, and renders errors
 * in its own shape ({@code {"probe_error": code, "message": ...}}, status 418 for everything).
 */
final class ProbeDialect implements Dialect {

    private final DialectContext context;

    ProbeDialect(DialectContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of("/probe");
    }

    @Override
    public void mount(RoutesConfig routes) {
        routes.get("/probe/whoami/{styles}", ctx -> {
            Principal principal = context.authenticator().authenticate(ctx, styles(ctx.pathParam("styles")));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("project", principal.projectId().value());
            body.put("key", principal.keyId().value());
            body.put("role", principal.role().id());
            Responses.json(ctx, 200, body);
        });
        routes.get("/probe/needs/{role}", ctx -> {
            Principal principal = context.authenticator().authenticate(ctx, EnumSet.allOf(CredentialStyle.class));
            principal.require(Role.fromId(ctx.pathParam("role")).orElseThrow());
            Responses.json(ctx, 200, Map.of("ok", true));
        });
        routes.get("/probe/boom", ctx -> {
            throw new IllegalStateException("a secret internal detail");
        });
    }

    @Override
    public ErrorRenderer errors() {
        return (CairnException error, String requestId, Context ctx) -> Responses.json(ctx, 418,
                Map.of("probe_error", error.code().id(), "message", error.getMessage(), "status",
                        HttpStatuses.of(error)));
    }

    private static Set<CredentialStyle> styles(String names) {
        Set<CredentialStyle> styles = EnumSet.noneOf(CredentialStyle.class);
        for (String name : names.split(",")) {
            styles.add(CredentialStyle.valueOf(name.toUpperCase(Locale.ROOT)));
        }
        return styles;
    }
}
