package io.cairn.core.project;

import static java.util.Objects.requireNonNull;

import io.cairn.core.model.ProjectId;

/**
 * What a request presented to prove who it is, already taken out of its wire form (header, query parameter,
 * Basic pair...). Dialects decide which wire forms they accept; the core only sees these shapes.
 */
public sealed interface Credential {

    /** A single string that is the secret itself: a header key, {@code Key <secret>}, a bearer token, {@code api_key}. */
    record Secret(String secret) implements Credential {
        public Secret {
            requireNonNull(secret, "secret is null");
        }

        @Override
        public String toString() {
            return "Secret[***]";
        }
    }

    /** A public id with its secret: HTTP Basic {@code id:secret}, OAuth client credentials. */
    record IdAndSecret(String id, String secret) implements Credential {
        public IdAndSecret {
            requireNonNull(id, "id is null");
            requireNonNull(secret, "secret is null");
        }

        @Override
        public String toString() {
            return "IdAndSecret[id=" + id + ", secret=***]";
        }
    }

    /**
     * A Keen scoped key (see {@link ScopedKeys#isScopedKey}) presented to a project. The key names no key and no
     * project: it opens only with a master key of the project the request addresses, so that project is part of
     * the credential.
     */
    record ScopedKey(String key, ProjectId projectId) implements Credential {
        public ScopedKey {
            requireNonNull(key, "key is null");
            requireNonNull(projectId, "projectId is null");
        }

        @Override
        public String toString() {
            return "ScopedKey[project=" + projectId + ", key=***]";
        }
    }
}
