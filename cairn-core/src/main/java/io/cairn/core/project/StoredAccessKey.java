package io.cairn.core.project;

import static java.util.Objects.requireNonNull;

import io.cairn.core.model.KeyId;
import io.cairn.core.model.ProjectId;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An access key as the catalog stores it: never its plaintext, but the keyed hash of its secret (for lookups) and
 * the secret sealed with the data directory's keyring (because Keen lists access keys with their values).
 *
 * @param secretHash   HMAC-SHA256 of the secret under the keyring's hashing key; 32 bytes
 * @param sealedSecret the secret encrypted under the keyring's sealing key
 */
public record StoredAccessKey(KeyId id, ProjectId projectId, AccessKeySpec spec, Instant createdAt,
        Instant updatedAt, byte[] secretHash, byte[] sealedSecret) {

    public StoredAccessKey {
        requireNonNull(id, "id is null");
        requireNonNull(projectId, "projectId is null");
        requireNonNull(spec, "spec is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
        secretHash = requireNonNull(secretHash, "secretHash is null").clone();
        sealedSecret = requireNonNull(sealedSecret, "sealedSecret is null").clone();
    }

    @Override
    public byte[] secretHash() {
        return secretHash.clone();
    }

    @Override
    public byte[] sealedSecret() {
        return sealedSecret.clone();
    }

    /** The hash as lowercase hex, the form used as a lookup key. */
    public String secretHashHex() {
        return HexFormat.of().formatHex(secretHash);
    }

    /** The same key with a new spec, changed at {@code at}. */
    public StoredAccessKey withSpec(AccessKeySpec changed, Instant at) {
        return new StoredAccessKey(id, projectId, changed, createdAt, at, secretHash, sealedSecret);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredAccessKey other && id.equals(other.id) && projectId.equals(other.projectId)
                && spec.equals(other.spec) && createdAt.equals(other.createdAt) && updatedAt.equals(other.updatedAt)
                && Arrays.equals(secretHash, other.secretHash) && Arrays.equals(sealedSecret, other.sealedSecret);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + Arrays.hashCode(secretHash);
    }

    @Override
    public String toString() {
        return "StoredAccessKey[id=" + id + ", project=" + projectId + ", spec=" + spec + "]";
    }
}
