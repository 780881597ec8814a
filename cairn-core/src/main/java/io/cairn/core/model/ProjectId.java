package io.cairn.core.model;

import static java.util.Objects.requireNonNull;

/** A project's id: 24 lowercase hex characters, the form Keen IO's project ids take. */
public record ProjectId(String value) {

    public static final int LENGTH = 24;

    public ProjectId {
        requireNonNull(value, "value is null");
        if (!Hex.isLowerHex(value, LENGTH)) {
            throw new IllegalArgumentException("a project id is 24 lowercase hex characters: " + value);
        }
    }

    public static ProjectId of(String value) {
        return new ProjectId(value);
    }

    public static ProjectId random() {
        return new ProjectId(Hex.random(LENGTH));
    }

    /** Whether {@code text} has the form of a project id (it may still name no project). */
    public static boolean isValid(String text) {
        return Hex.isLowerHex(text, LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
