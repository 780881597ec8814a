package io.cairn.core;

import static java.util.Objects.requireNonNull;

import io.cairn.core.config.ConfigException;
import io.cairn.core.config.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The admin API's token: configured ({@code admin.token}), or generated at first start and kept in the data
 * directory when absent.
 */
public record AdminConfig(Optional<String> token) {

    public static final String TOKEN = "admin.token";
    static final int MIN_TOKEN_LENGTH = 16;

    public AdminConfig {
        requireNonNull(token, "token is null");
        if (token.isPresent() && token.get().length() < MIN_TOKEN_LENGTH) {
            throw new ConfigException(TOKEN + " must be at least " + MIN_TOKEN_LENGTH + " characters");
        }
    }

    public static AdminConfig from(Settings settings) {
        return new AdminConfig(settings.optionalString(TOKEN).map(String::trim));
    }

    /** The effective values; the token itself is masked by whoever logs this. */
    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        token.ifPresent(value -> p.put(TOKEN, value));
        return p;
    }
}
