package io.cairn.server.dialect.tempodb;

import io.cairn.core.model.ProjectId;
import io.cairn.core.project.Role;
import io.cairn.server.http.Authenticator;
import io.cairn.server.http.CredentialStyle;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.Set;

/**
 * TempoDB's credentials: HTTP Basic with a project key's id as user and its secret as password. Reads need a read
 * key, writes a write key, deletes the master key (a master key may do everything).
 */
final class TempoDbAccess {

    private static final Set<CredentialStyle> STYLES = EnumSet.of(CredentialStyle.BASIC);

    private final Authenticator authenticator;

    TempoDbAccess(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** The project of a key with the {@code required} role, or master. */
    ProjectId require(Context ctx, Role required) {
        return authenticator.authenticate(ctx, STYLES).require(required).projectId();
    }
}
