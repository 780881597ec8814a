package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

/**
 * What saving a query did: the saved query as the server now shows it, and whether it was created or replaced an
 * existing one of the same name. Immutable and thread-safe.
 *
 * @param savedQuery the saved query; never null
 * @param created true when the name was new (the server answered 201), false when an existing query was replaced
 *     (200)
 */
public record SaveResult(SavedQuery savedQuery, boolean created) {

    /**
     * Creates a save result.
     *
     * @throws NullPointerException if {@code savedQuery} is null
     */
    public SaveResult {
        requireNonNull(savedQuery, "savedQuery is null");
    }
}
