package io.cairn.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyringTest {

    @TempDir
    Path dataDir;

    @Test
    void theKeyringFileIsOwnerOnlyAndStableAcrossLoads() throws Exception {
        Keyring first = Keyring.loadOrCreate(dataDir);
        Path file = dataDir.resolve(Keyring.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Keyring second = Keyring.loadOrCreate(dataDir);
        assertThat(second.hash("s3cret")).isEqualTo(first.hash("s3cret"));
        assertThat(second.open(first.seal("plain"))).isEqualTo("plain");
    }

    @Test
    void hashesAreKeyedByTheDataDirectory(@TempDir Path otherDir) {
        assertThat(Keyring.loadOrCreate(dataDir).hash("s3cret")).isNotEqualTo(Keyring.loadOrCreate(otherDir)
                .hash("s3cret"));
    }

    @Test
    void matchesComparesHashes() {
        Keyring keyring = Keyring.loadOrCreate(dataDir);
        byte[] hash = keyring.hash("right");
        assertThat(keyring.matches("right", hash)).isTrue();
        assertThat(keyring.matches("wrong", hash)).isFalse();
    }

    @Test
    void hashingIsRepeatableAcrossCallsAndThreads() throws Exception {
        Keyring keyring = Keyring.loadOrCreate(dataDir);
        byte[] expected = keyring.hash("s3cret");
        assertThat(keyring.hash("other")).isNotEqualTo(expected);
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<Boolean>> allEqual = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                allEqual.add(threads.submit(() -> IntStream.range(0, 5_000)
                        .allMatch(i -> Arrays.equals(keyring.hash(i % 2 == 0 ? "s3cret" : "other" + i), expected)
                                == (i % 2 == 0))));
            }
            for (Future<Boolean> result : allEqual) {
                assertThat(result.get()).isTrue();
            }
        }
    }

    @Test
    void sealingIsRandomizedAndTamperingIsDetected() {
        Keyring keyring = Keyring.loadOrCreate(dataDir);
        byte[] sealed = keyring.seal("master secret");
        assertThat(keyring.seal("master secret")).isNotEqualTo(sealed);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> keyring.open(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDamagedKeyringFileStopsStartupWithAClearMessage() throws Exception {
        Files.writeString(dataDir.resolve(Keyring.FILE_NAME), "not hex");
        assertThatThrownBy(() -> Keyring.loadOrCreate(dataDir)).hasMessageContaining("is damaged");
    }

    @Test
    void theAdminTokenIsGeneratedOnceOrTakenFromConfiguration() throws Exception {
        AdminToken generated = AdminToken.resolve(Optional.empty(), dataDir);
        assertThat(generated.reveal()).matches("[0-9a-f]{64}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("admin-token"))))
                .isEqualTo("rw-------");
        assertThat(AdminToken.resolve(Optional.empty(), dataDir).reveal()).isEqualTo(generated.reveal());
        assertThat(generated.matches(generated.reveal())).isTrue();
        assertThat(generated.matches("nope")).isFalse();
        assertThat(generated.matches(null)).isFalse();

        AdminToken configured = AdminToken.resolve(Optional.of("configured-token-123"), dataDir);
        assertThat(configured.matches("configured-token-123")).isTrue();
        assertThat(configured.file()).isEmpty();
    }
}
