package io.cairn.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ModelTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:42:00.123Z");
    private static final Project ACME = new Project("0123456789abcdef01234567", "acme", NOW);

    private static IssuedKey issued(KeyRole role, String secret) {
        return new IssuedKey(new ApiKey(role.wireName() + "-id", role, null, NOW, false), secret);
    }

    @Test
    void issuedKeyToStringMasksTheSecret() {
        IssuedKey key = issued(KeyRole.READ, "topsecret");

        assertThat(key.toString()).doesNotContain("topsecret").contains("secret=***").contains("read-id");
        assertThat(new CreatedProject(ACME, List.of(key)).toString()).doesNotContain("topsecret");
    }

    @Test
    void createdProjectFindsTheKeyOfEachRole() {
        IssuedKey master = issued(KeyRole.MASTER, "m");
        IssuedKey write = issued(KeyRole.WRITE, "w");
        IssuedKey read = issued(KeyRole.READ, "r");
        CreatedProject created = new CreatedProject(ACME, List.of(read, master, write));

        assertThat(created.masterKey()).isSameAs(master);
        assertThat(created.writeKey()).isSameAs(write);
        assertThat(created.readKey()).isSameAs(read);
    }

    @Test
    void createdProjectWithoutAKeyOfTheRoleSaysSo() {
        CreatedProject created = new CreatedProject(ACME, List.of(issued(KeyRole.MASTER, "m")));

        assertThatThrownBy(created::readKey)
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("no read key");
    }

    @Test
    void createdProjectCopiesItsKeys() {
        List<IssuedKey> keys = new ArrayList<>(List.of(issued(KeyRole.MASTER, "m")));
        CreatedProject created = new CreatedProject(ACME, keys);
        keys.clear();

        assertThat(created.keys()).hasSize(1);
    }

    @Test
    void keyRolesRoundTripThroughTheirWireNames() {
        assertThat(KeyRole.values()).extracting(KeyRole::wireName).containsExactly("master", "write", "read");
        for (KeyRole role : KeyRole.values()) {
            assertThat(KeyRole.fromWireName(role.wireName())).contains(role);
        }
        assertThat(KeyRole.fromWireName("MASTER")).isEmpty();
        assertThat(KeyRole.fromWireName("admin")).isEmpty();
        assertThat(KeyRole.fromWireName(null)).isEmpty();
    }

    @Test
    void requiredFieldsAreRequiredAndKeyNameIsOptional() {
        assertThatThrownBy(() -> new Project(null, "acme", NOW)).hasMessage("id is null");
        assertThatThrownBy(() -> new ApiKey("k", null, null, NOW, false)).hasMessage("role is null");
        assertThatThrownBy(() -> new IssuedKey(issued(KeyRole.READ, "s").key(), null)).hasMessage("secret is null");
        assertThat(new ApiKey("k", KeyRole.READ, null, NOW, true).name()).isNull();
    }
}
