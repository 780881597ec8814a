package io.cairn.core.project;

import static java.util.Objects.requireNonNull;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.ForbiddenException;
import io.cairn.core.model.KeyId;
import io.cairn.core.model.ProjectId;
import java.util.Map;
import java.util.Set;

/**
 * Who a request acts as: a key of one project, its role and its scope.
 *
 * <p>A restricted principal (an access key or a scoped key) never has the master role, and role checks on it
 * consult its permissions: {@code write} needs {@link Permission#WRITES}, {@code read} needs {@link
 * Permission#QUERIES}, {@code master} is always refused.
 */
public record Principal(ProjectId projectId, KeyId keyId, Role role, Scope scope) {

    public Principal {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(keyId, "keyId is null");
        requireNonNull(role, "role is null");
        requireNonNull(scope, "scope is null");
        if (scope instanceof Scope.Restricted && role == Role.MASTER) {
            throw new IllegalArgumentException("a restricted principal cannot have the master role");
        }
    }

    /** A restricted principal; its role (for logs and display) is write for a write-only key, else read. */
    public static Principal restricted(ProjectId projectId, KeyId keyId, Scope.Restricted scope) {
        Role role = scope.permitted().equals(Set.of(Permission.WRITES)) ? Role.WRITE : Role.READ;
        return new Principal(projectId, keyId, role, scope);
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
        boolean allowed = switch (scope) {
            case Scope.Project project -> role.permits(required);
            case Scope.Restricted restricted -> switch (required) {
                case MASTER -> false;
                case WRITE -> restricted.permitted().contains(Permission.WRITES);
                case READ -> restricted.permitted().contains(Permission.QUERIES);
            };
        };
        if (!allowed) {
            String given = scope instanceof Scope.Restricted ? "a restricted key" : "a " + role.id() + " key";
            throw new ForbiddenException(ErrorCode.INSUFFICIENT_ROLE,
                    required == Role.MASTER
                            ? "this operation needs the master key; " + given + " was given"
                            : "this operation needs a " + required.id() + " or master key; " + given + " was given",
                    Map.of("required", required.id()));
        }
        return this;
    }
}
