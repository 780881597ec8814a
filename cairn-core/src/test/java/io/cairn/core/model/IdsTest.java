package io.cairn.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void randomProjectIdsAre24LowercaseHexAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = ProjectId.random().value();
            assertThat(id).matches("[0-9a-f]{24}");
            assertThat(seen.add(id)).isTrue();
        }
    }

    @Test
    void keyIdsAre32LowercaseHex() {
        assertThat(KeyId.random().value()).matches("[0-9a-f]{32}");
    }

    @Test
    void idsRejectOtherForms() {
        assertThatThrownBy(() -> ProjectId.of("ABCDEF0123456789abcdef01")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProjectId.of("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ProjectId.isValid("0123456789abcdef01234567")).isTrue();
        assertThat(KeyId.isValid("0123456789abcdef01234567")).isFalse();
    }
}
