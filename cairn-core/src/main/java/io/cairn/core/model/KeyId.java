package io.cairn.core.model;

import static java.util.Objects.requireNonNull;

/**
 * A key's public id: 32 lowercase hex characters. It is not secret; pair-style credentials (HTTP Basic, OAuth client
 * credentials) send it as the user name or client id beside the secret.
 */
public record KeyId(String value) {

    public static final int LENGTH = 32;

    public KeyId {
        requireNonNull(value, "value is null");
        if (!Hex.isLowerHex(value, LENGTH)) {
            throw new IllegalArgumentException("a key id is 32 lowercase hex characters: " + value);
        }
    }

    public static KeyId of(String value) {
        return new KeyId(value);
    }

    public static KeyId random() {
        return new KeyId(Hex.random(LENGTH));
    }

    public static boolean isValid(String text) {
        return Hex.isLowerHex(text, LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
