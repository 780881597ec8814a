package io.cairn.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.core.error.ForbiddenException;
import io.cairn.core.model.KeyId;
import io.cairn.core.model.ProjectId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrincipalTest {

    private static final ProjectId PROJECT = ProjectId.random();

    @Test
    void projectKeysArePermittedWhatTheirRoleAllows() {
        assertThat(permittedTo(project(Role.MASTER))).isEqualTo(EnumSet.allOf(Permission.class));
        assertThat(permittedTo(project(Role.WRITE))).containsExactly(Permission.WRITES);
        assertThat(permittedTo(project(Role.READ))).isEqualTo(EnumSet.complementOf(EnumSet.of(Permission.WRITES)));
    }

    @Test
    void restrictedKeysArePermittedExactlyTheirPermissions() {
        Principal principal = restricted(Set.of(Permission.SCHEMA, Permission.WRITES));
        assertThat(permittedTo(principal)).containsExactlyInAnyOrder(Permission.SCHEMA, Permission.WRITES);
        assertThatThrownBy(() -> principal.require(Permission.QUERIES))
                .isInstanceOfSatisfying(ForbiddenException.class,
                        e -> assertThat(e.details()).containsEntry("required", "queries"));
    }

    @Test
    void aRestrictedKeyNeverPassesAMasterCheckWhateverItIsPermitted() {
        Principal everything = restricted(EnumSet.allOf(Permission.class));
        assertThatThrownBy(() -> everything.require(Role.MASTER))
                .isInstanceOfSatisfying(ForbiddenException.class,
                        e -> assertThat(e.details()).containsEntry("required", "master"))
                .hasMessageContaining("restricted key");
        assertThat(everything.require(Role.WRITE)).isSameAs(everything);
        assertThat(everything.require(Role.READ)).isSameAs(everything);
        assertThatThrownBy(() -> restricted(Set.of(Permission.SCHEMA)).require(Role.READ))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> restricted(Set.of(Permission.QUERIES)).require(Role.WRITE))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aRestrictedPrincipalIsWriteWhenItOnlyWritesAndNeverMaster() {
        assertThat(restricted(Set.of(Permission.WRITES)).role()).isEqualTo(Role.WRITE);
        assertThat(restricted(Set.of(Permission.WRITES, Permission.QUERIES)).role()).isEqualTo(Role.READ);
        assertThat(restricted(Set.of()).role()).isEqualTo(Role.READ);
        assertThatThrownBy(() -> new Principal(PROJECT, KeyId.random(), Role.MASTER, scope(Set.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Set<Permission> permittedTo(Principal principal) {
        Set<Permission> permitted = EnumSet.noneOf(Permission.class);
        for (Permission permission : Permission.values()) {
            try {
                principal.require(permission);
                permitted.add(permission);
            } catch (ForbiddenException e) {
                // not permitted
            }
        }
        return permitted;
    }

    private static Principal project(Role role) {
        return new Principal(PROJECT, KeyId.random(), role, Scope.PROJECT);
    }

    private static Principal restricted(Set<Permission> permitted) {
        return Principal.restricted(PROJECT, KeyId.random(), scope(permitted));
    }

    private static Scope.Restricted scope(Set<Permission> permitted) {
        return new Scope.Restricted(permitted, List.of(), Optional.empty(), Map.of(), Optional.empty(),
                DatasetAccess.ANY);
    }
}
