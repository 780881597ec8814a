package io.cairn.core.project;

import static java.util.Objects.requireNonNull;

import io.cairn.core.error.InvalidRequestException;
import java.util.Map;
import java.util.Set;

/**
 * What a project's master key holder sets on an access key; creating and updating both take a whole spec (Keen's
 * {@code name}, {@code is_active}, {@code permitted} and {@code options}).
 *
 * @param active    false for a revoked key: it is kept, and refused until made active again
 * @param permitted what the key may do; empty is allowed (a key that can do nothing yet)
 * @param options   the options document exactly as given, as JSON values ({@code String}, {@code Number},
 *                  {@code Boolean}, {@code List}, {@code Map}, null), so that it reads back as written; Cairn
 *                  enforces the parts described in {@link KeyOptions}
 */
public record AccessKeySpec(String name, boolean active, Set<Permission> permitted, Map<String, Object> options) {

    public static final int MAX_NAME_LENGTH = 256;

    public AccessKeySpec {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw InvalidRequestException.field("name", "name must be 1-" + MAX_NAME_LENGTH + " characters");
        }
        permitted = Set.copyOf(requireNonNull(permitted, "permitted is null"));
        options = JsonValues.freeze(requireNonNull(options, "options is null"));
    }

    AccessKeySpec withActive(boolean changed) {
        return new AccessKeySpec(name, changed, permitted, options);
    }
}
