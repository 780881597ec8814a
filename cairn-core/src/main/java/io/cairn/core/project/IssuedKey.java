package io.cairn.core.project;

import static java.util.Objects.requireNonNull;

/** A key just created, with its secret: the only moment the secret exists outside its owner's hands. */
public record IssuedKey(ApiKey key, String secret) {

    public IssuedKey {
        requireNonNull(key, "key is null");
        requireNonNull(secret, "secret is null");
    }

    @Override
    public String toString() {
        return "IssuedKey[key=" + key + ", secret=***]";
    }
}
