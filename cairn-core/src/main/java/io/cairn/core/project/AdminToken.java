package io.cairn.core.project;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.cairn.core.model.Hex;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The token that guards the admin API: the configured one, or one generated at first start and kept in {@code
 * <dataDir>/admin-token} (owner-only). Thread-safe.
 */
public final class AdminToken {

    public static final String FILE_NAME = "admin-token";

    private final byte[] token;
    private final Optional<Path> file;

    private AdminToken(String token, Optional<Path> file) {
        this.token = token.getBytes(UTF_8);
        this.file = file;
    }

    /** The configured token when there is one, else the data directory's, created on first use. */
    public static AdminToken resolve(Optional<String> configured, Path dataDir) {
        if (configured.isPresent()) {
            return new AdminToken(configured.get(), Optional.empty());
        }
        Path file = dataDir.resolve(FILE_NAME);
        return new AdminToken(SecretFile.readOrCreate(file, () -> Hex.random(64)), Optional.of(file));
    }

    /** Whether {@code presented} is the admin token, compared in constant time. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(token, presented.getBytes(UTF_8));
    }

    /** The file holding the token, when it was generated rather than configured. */
    public Optional<Path> file() {
        return file;
    }

    /** The token itself, for the one-time first-start banner. */
    public String reveal() {
        return new String(token, UTF_8);
    }

    @Override
    public String toString() {
        return "AdminToken[***]";
    }
}
