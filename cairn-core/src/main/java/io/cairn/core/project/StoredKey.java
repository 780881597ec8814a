package io.cairn.core.project;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A key as the catalog stores it: the public part, the keyed hash of its secret, and — only where a wire format
 * needs the server to use the plaintext (Keen scoped keys are encrypted with the master key) — the secret sealed
 * with the data directory's keyring.
 *
 * @param secretHash   HMAC-SHA256 of the secret under the keyring's hashing key; 32 bytes
 * @param sealedSecret the secret encrypted under the keyring's sealing key, or null when not kept
 */
public record StoredKey(ApiKey key, byte[] secretHash, byte[] sealedSecret) {

    public StoredKey {
        requireNonNull(key, "key is null");
        requireNonNull(secretHash, "secretHash is null");
        secretHash = secretHash.clone();
        sealedSecret = sealedSecret == null ? null : sealedSecret.clone();
    }

    @Override
    public byte[] secretHash() {
        return secretHash.clone();
    }

    @Override
    public byte[] sealedSecret() {
        return sealedSecret == null ? null : sealedSecret.clone();
    }

    /** The hash as lowercase hex, the form used as a lookup key. */
    public String secretHashHex() {
        return HexFormat.of().formatHex(secretHash);
    }

    public StoredKey withKey(ApiKey changed) {
        return new StoredKey(changed, secretHash, sealedSecret);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredKey other && key.equals(other.key) && Arrays.equals(secretHash, other.secretHash)
                && Arrays.equals(sealedSecret, other.sealedSecret);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Arrays.hashCode(secretHash);
    }

    @Override
    public String toString() {
        return "StoredKey[key=" + key + "]";
    }
}
