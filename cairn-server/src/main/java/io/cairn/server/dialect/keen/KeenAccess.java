package io.cairn.server.dialect.keen;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.UnauthenticatedException;
import io.cairn.core.model.ProjectId;
import io.cairn.core.project.Credential;
import io.cairn.core.project.Permission;
import io.cairn.core.project.Principal;
import io.cairn.core.project.ProjectService;
import io.cairn.core.project.Role;
import io.cairn.core.project.ScopedKeys;
import io.cairn.server.http.Authenticator;
import io.cairn.server.http.CredentialStyle;
import io.cairn.server.http.RequestAttributes;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Keen's keys: raw in {@code Authorization} or {@code ?api_key=}, and valid only for the project in the path. A
 * key may be a project key, an access key, or a scoped key (long hex, encrypted with a master key of the path's
 * project). Routes ask for a permission (writes, schema...) or, for administrative routes, the master role.
 */
final class KeenAccess {

    private static final Set<CredentialStyle> STYLES = EnumSet.of(CredentialStyle.HEADER_KEY,
            CredentialStyle.QUERY_API_KEY);

    private final Authenticator authenticator;
    private final ProjectService projects;

    KeenAccess(Authenticator authenticator, ProjectService projects) {
        this.authenticator = authenticator;
        this.projects = projects;
    }

    /** The principal of a key of the path's project that is permitted {@code permission}. */
    Principal require(Context ctx, Permission permission) {
        return authenticate(ctx).require(permission);
    }

    /** The principal of a key of the path's project with the required role ({@code master} for admin routes). */
    Principal require(Context ctx, Role role) {
        return authenticate(ctx).require(role);
    }

    /** The principal of a key of the path's project, whatever it may do; the route checks the rest. */
    Principal authenticate(Context ctx) {
        String pathProject = ctx.pathParam("projectId").toLowerCase(Locale.ROOT);
        Optional<Credential> presented = Authenticator.extract(ctx, STYLES);
        Principal principal;
        if (presented.orElse(null) instanceof Credential.Secret secret && ScopedKeys.isScopedKey(secret.secret())) {
            // A scoped key opens only with the addressed project's master keys, so the project is part of it.
            if (!ProjectId.isValid(pathProject)) {
                throw notOfProject(pathProject);
            }
            principal = projects.authenticate(new Credential.ScopedKey(secret.secret(), ProjectId.of(pathProject)));
            ctx.attribute(RequestAttributes.PRINCIPAL, principal);
        } else {
            principal = authenticator.authenticate(ctx, STYLES);
        }
        if (!ProjectId.isValid(pathProject) || !principal.projectId().value().equals(pathProject)) {
            throw notOfProject(pathProject);
        }
        return principal;
    }

    private static UnauthenticatedException notOfProject(String pathProject) {
        return new UnauthenticatedException(ErrorCode.INVALID_CREDENTIALS,
                "this key is not a key of project " + pathProject);
    }
}
