package io.cairn.client.model;

import java.util.List;

/**
 * What happened to one point of a multi write. Immutable and thread-safe.
 *
 * @param status 200 when stored; 422 for a point the server refused (e.g. no numeric value), 404 for an unknown id
 * @param messages why it was refused; never null, empty when stored
 */
public record WriteStatus(int status, List<String> messages) {

    /** A stored point. */
    public static final WriteStatus STORED = new WriteStatus(200, List.of());

    /**
     * Creates a status; the list is copied.
     *
     * @throws NullPointerException if {@code messages} is null or holds a null
     */
    public WriteStatus {
        messages = List.copyOf(messages);
    }

    /** {@return whether the point was stored} */
    public boolean stored() {
        return status == 200;
    }
}
