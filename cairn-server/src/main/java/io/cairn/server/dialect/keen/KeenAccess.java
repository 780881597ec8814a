package io.cairn.server.dialect.keen;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.UnauthenticatedException;
import io.cairn.core.model.ProjectId;
import io.cairn.core.project.Principal;
import io.cairn.core.project.Role;
import io.cairn.server.http.Authenticator;
import io.cairn.server.http.CredentialStyle;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Keen's keys: raw in {@code Authorization} or {@code ?api_key=}, and valid only for the project in the path. */
final class KeenAccess {

    private static final Set<CredentialStyle> STYLES = EnumSet.of(CredentialStyle.HEADER_KEY,
            CredentialStyle.QUERY_API_KEY);

    private final Authenticator authenticator;

    KeenAccess(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** The principal of a key of the path's project with the required role. */
    Principal require(Context ctx, Role role) {
        Principal principal = authenticator.authenticate(ctx, STYLES);
        String pathProject = ctx.pathParam("projectId").toLowerCase(Locale.ROOT);
        if (!ProjectId.isValid(pathProject) || !principal.projectId().value().equals(pathProject)) {
            throw new UnauthenticatedException(ErrorCode.INVALID_CREDENTIALS,
                    "this key is not a key of project " + pathProject);
        }
        return principal.require(role);
    }
}
