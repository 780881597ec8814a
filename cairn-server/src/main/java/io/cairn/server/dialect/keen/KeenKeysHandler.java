package io.cairn.server.dialect.keen;

import io.cairn.core.model.ProjectId;
import io.cairn.core.project.AccessKeyService;
import io.cairn.core.project.Role;
import io.cairn.server.http.RequestBodies;
import io.cairn.server.http.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Keen's access keys API ({@code /keys}), for the master key only. Keys are addressed by their value, as Keen does;
 * every answer but a delete's (204) is the key object, and a create answers 201.
 */
final class KeenKeysHandler {

    static final String KEYS = KeenDialect.PROJECT + "/keys";
    private static final String KEY = KEYS + "/{key}";

    private final AccessKeyService keys;
    private final KeenAccess access;
    private final RequestBodies bodies;

    KeenKeysHandler(AccessKeyService keys, KeenAccess access, RequestBodies bodies) {
        this.keys = keys;
        this.access = access;
        this.bodies = bodies;
    }

    void mount(RoutesConfig routes) {
        routes.post(KEYS, this::create);
        routes.get(KEYS, this::list);
        routes.get(KEY, this::get);
        routes.post(KEY, this::update);
        routes.post(KEY + "/revoke", this::revoke);
        routes.post(KEY + "/unrevoke", this::unrevoke);
        routes.delete(KEY, this::delete);
    }

    private void create(Context ctx) {
        ProjectId project = master(ctx);
        Responses.json(ctx, 201, KeenKeysWire.KeyBody.of(keys.create(project, KeenKeysWire.spec(bodies.json(ctx)))));
    }

    private void list(Context ctx) {
        Responses.json(ctx, 200, keys.list(master(ctx)).stream().map(KeenKeysWire.KeyBody::of).toList());
    }

    private void get(Context ctx) {
        Responses.json(ctx, 200, KeenKeysWire.KeyBody.of(keys.get(master(ctx), ctx.pathParam("key"))));
    }

    private void update(Context ctx) {
        ProjectId project = master(ctx);
        Responses.json(ctx, 200, KeenKeysWire.KeyBody.of(keys.update(project, ctx.pathParam("key"),
                KeenKeysWire.spec(bodies.json(ctx)))));
    }

    private void revoke(Context ctx) {
        Responses.json(ctx, 200, KeenKeysWire.KeyBody.of(keys.revoke(master(ctx), ctx.pathParam("key"))));
    }

    private void unrevoke(Context ctx) {
        Responses.json(ctx, 200, KeenKeysWire.KeyBody.of(keys.unrevoke(master(ctx), ctx.pathParam("key"))));
    }

    private void delete(Context ctx) {
        keys.delete(master(ctx), ctx.pathParam("key"));
        ctx.status(204);
    }

    private ProjectId master(Context ctx) {
        return access.require(ctx, Role.MASTER).projectId();
    }
}
