package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * A project just created, with the keys issued alongside it (one per role on Cairn). This is the only time their
 * secrets are available. Immutable and thread-safe; {@link #toString()} masks the secrets.
 *
 * @param project the new project; never null
 * @param keys the keys issued with it, in the server's order; never null, copied
 */
public record CreatedProject(Project project, List<IssuedKey> keys) {

    /**
     * Creates a created-project value.
     *
     * @throws NullPointerException if an argument or a key is null
     */
    public CreatedProject {
        requireNonNull(project, "project is null");
        keys = List.copyOf(requireNonNull(keys, "keys is null"));
    }

    /**
     * The master key issued with the project.
     *
     * @return the first issued key with role {@link KeyRole#MASTER}; never null
     * @throws NoSuchElementException if none was issued
     */
    public IssuedKey masterKey() {
        return keyOf(KeyRole.MASTER);
    }

    /**
     * The write key issued with the project.
     *
     * @return the first issued key with role {@link KeyRole#WRITE}; never null
     * @throws NoSuchElementException if none was issued
     */
    public IssuedKey writeKey() {
        return keyOf(KeyRole.WRITE);
    }

    /**
     * The read key issued with the project.
     *
     * @return the first issued key with role {@link KeyRole#READ}; never null
     * @throws NoSuchElementException if none was issued
     */
    public IssuedKey readKey() {
        return keyOf(KeyRole.READ);
    }

    private IssuedKey keyOf(KeyRole role) {
        return keys.stream()
                .filter(issued -> issued.key().role() == role)
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no " + role.wireName() + " key was issued with project "
                        + project.id()));
    }
}
