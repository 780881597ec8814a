package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

/**
 * A key just issued, with its secret. The server shows a secret only once, in the response that creates the key;
 * store it then. Immutable and thread-safe; {@link #toString()} never reveals the secret.
 *
 * @param key the key's public description; never null
 * @param secret the credential to send with requests; never null
 */
public record IssuedKey(ApiKey key, String secret) {

    /**
     * Creates an issued key value.
     *
     * @throws NullPointerException if any argument is null
     */
    public IssuedKey {
        requireNonNull(key, "key is null");
        requireNonNull(secret, "secret is null");
    }

    /**
     * Describes the key with its secret masked, so that logging this value does not leak a credential.
     *
     * @return the key and {@code secret=***}; never null
     */
    @Override
    public String toString() {
        return "IssuedKey[key=" + key + ", secret=***]";
    }
}
