package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A Keen access key as the server shows it to the master key: its value, which is the credential to hand out, and
 * what it is ({@link AccessKeySpec}). Immutable and thread-safe; {@link #toString()} never reveals the value.
 *
 * @param key the key's value, sent as {@code Authorization} by whoever uses it, and how the {@code /keys} API
 *     addresses it; never null
 * @param spec its name, state, permissions and options as the server stored them (options as JSON values: maps,
 *     lists, strings, numbers, booleans, null); never null
 * @param createdDate when the key was created; null when the server does not say (Keen's API may not)
 * @param lastModifiedDate when the key was last changed; null when the server does not say
 */
public record AccessKey(String key, AccessKeySpec spec, Instant createdDate, Instant lastModifiedDate) {

    /**
     * Creates a key value.
     *
     * @throws NullPointerException if {@code key} or {@code spec} is null
     */
    public AccessKey {
        requireNonNull(key, "key is null");
        requireNonNull(spec, "spec is null");
    }

    /**
     * The key's name.
     *
     * @return the name; never null
     */
    public String name() {
        return spec.name();
    }

    /**
     * Whether the key is accepted (not revoked).
     *
     * @return true when active
     */
    public boolean active() {
        return spec.active();
    }

    /**
     * What the key may be used for.
     *
     * @return the permissions; never null, unmodifiable
     */
    public Set<AccessPermission> permitted() {
        return spec.permitted();
    }

    /**
     * The key's options.
     *
     * @return the options by section; never null, unmodifiable
     */
    public Map<String, Object> options() {
        return spec.options();
    }

    /**
     * Describes the key with its value masked, so that logging this value does not leak a credential.
     *
     * @return the spec, the dates and {@code key=***}; never null
     */
    @Override
    public String toString() {
        return "AccessKey[key=***, spec=" + spec + ", createdDate=" + createdDate + ", lastModifiedDate="
                + lastModifiedDate + "]";
    }
}
