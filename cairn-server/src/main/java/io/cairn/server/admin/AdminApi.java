package io.cairn.server.admin;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.NotFoundException;
import io.cairn.core.error.UnauthenticatedException;
import io.cairn.core.model.KeyId;
import io.cairn.core.model.ProjectId;
import io.cairn.core.project.AdminToken;
import io.cairn.core.project.ProjectService;
import io.cairn.server.admin.AdminWire.KeyRequest;
import io.cairn.server.dialect.Dialect;
import io.cairn.server.http.ErrorRenderer;
import io.cairn.server.http.ProblemDetails;
import io.cairn.server.http.RequestBodies;
import io.cairn.server.http.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Locale;

/** The admin API: create, list, get and delete projects; issue, list and revoke their keys. */
public final class AdminApi implements Dialect {

    static final String ROOT = "/admin/v1";

    private final ProjectService projects;
    private final AdminToken token;
    private final RequestBodies bodies;

    public AdminApi(ProjectService projects, AdminToken token, RequestBodies bodies) {
        this.projects = projects;
        this.token = token;
        this.bodies = bodies;
    }

    @Override
    public String name() {
        return "admin";
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of(ROOT);
    }

    @Override
    public ErrorRenderer errors() {
        return ProblemDetails.INSTANCE;
    }

    @Override
    public void mount(RoutesConfig routes) {
        routes.post(ROOT + "/projects", guarded(this::createProject));
        routes.get(ROOT + "/projects", guarded(this::listProjects));
        routes.get(ROOT + "/projects/{id}", guarded(this::getProject));
        routes.delete(ROOT + "/projects/{id}", guarded(this::deleteProject));
        routes.post(ROOT + "/projects/{id}/keys", guarded(this::createKey));
        routes.get(ROOT + "/projects/{id}/keys", guarded(this::listKeys));
        routes.delete(ROOT + "/projects/{id}/keys/{keyId}", guarded(this::revokeKey));
    }

    private void createProject(Context ctx) {
        String name = AdminWire.projectName(bodies.json(ctx));
        Responses.json(ctx, 201, AdminWire.CreatedProjectBody.of(projects.createProject(name)));
    }

    private void listProjects(Context ctx) {
        Responses.json(ctx, 200, new AdminWire.ProjectList(
                projects.listProjects().stream().map(AdminWire.ProjectBody::of).toList()));
    }

    private void getProject(Context ctx) {
        Responses.json(ctx, 200, AdminWire.ProjectBody.of(projects.getProject(projectId(ctx))));
    }

    private void deleteProject(Context ctx) {
        projects.deleteProject(projectId(ctx));
        ctx.status(204);
    }

    private void createKey(Context ctx) {
        ProjectId projectId = projectId(ctx);
        KeyRequest request = AdminWire.keyRequest(bodies.json(ctx));
        Responses.json(ctx, 201, AdminWire.IssuedKeyBody.of(
                projects.createKey(projectId, request.role(), request.name())));
    }

    private void listKeys(Context ctx) {
        Responses.json(ctx, 200, new AdminWire.KeyList(
                projects.listKeys(projectId(ctx)).stream().map(AdminWire.KeyBody::of).toList()));
    }

    private void revokeKey(Context ctx) {
        ProjectId projectId = projectId(ctx);
        String keyId = ctx.pathParam("keyId").toLowerCase(Locale.ROOT);
        if (!KeyId.isValid(keyId)) {
            throw new NotFoundException(ErrorCode.KEY_NOT_FOUND, "project " + projectId + " has no key " + keyId);
        }
        projects.revokeKey(projectId, KeyId.of(keyId));
        ctx.status(204);
    }

    /** A path id that cannot be a project id names no project: 404, not a validation error. */
    private static ProjectId projectId(Context ctx) {
        String id = ctx.pathParam("id").toLowerCase(Locale.ROOT);
        if (!ProjectId.isValid(id)) {
            throw new NotFoundException(ErrorCode.PROJECT_NOT_FOUND, "no project " + id);
        }
        return ProjectId.of(id);
    }

    private Handler guarded(Handler handler) {
        return ctx -> {
            requireAdmin(ctx);
            handler.handle(ctx);
        };
    }

    private void requireAdmin(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new UnauthenticatedException(ErrorCode.MISSING_CREDENTIALS,
                    "the admin API needs Authorization: Bearer <admin token>");
        }
        String value = header.trim();
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7) || !token.matches(value.substring(7).trim())) {
            throw new UnauthenticatedException(ErrorCode.INVALID_CREDENTIALS, "invalid admin token");
        }
    }
}
