package io.cairn.core.project;

import static java.util.Objects.requireNonNull;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.ForbiddenException;
import io.cairn.core.model.KeyId;
import io.cairn.core.model.ProjectId;
import java.util.Map;

/** Who a request acts as: a key of one project, its role and its scope. */
public record Principal(ProjectId projectId, KeyId keyId, Role role, Scope scope) {

    public Principal {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(keyId, "keyId is null");
        requireNonNull(role, "role is null");
        requireNonNull(scope, "scope is null");
    }

    /** Throws a {@link ForbiddenException} unless this principal may do what {@code permission} allows. */
    public Principal require(Permission permission) {
        boolean allowed = switch (scope) {
            case Scope.Project project -> role.permits(permission);
            case Scope.Restricted restricted -> restricted.permitted().contains(permission);
        };
        if (!allowed) {
            throw new ForbiddenException(ErrorCode.INSUFFICIENT_ROLE,
                    "this key is not permitted " + permission.id(), Map.of("required", permission.id()));
        }
        return this;
    }

    /** Throws a {@link ForbiddenException} unless this principal's role permits {@code required}. */
    public Principal require(Role required) {
        if (!role.permits(required)) {
            throw new ForbiddenException(ErrorCode.INSUFFICIENT_ROLE,
                    required == Role.MASTER
                            ? "this operation needs the master key; a " + role.id() + " key was given"
                            : "this operation needs a " + required.id() + " or master key; a " + role.id()
                                    + " key was given",
                    Map.of("required", required.id()));
        }
        return this;
    }
}
