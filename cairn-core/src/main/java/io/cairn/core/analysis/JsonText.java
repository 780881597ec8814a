package io.cairn.core.analysis;

import static java.util.Objects.requireNonNull;

/**
 * A value that is already JSON text (a stored list): extraction hands it on as is, and writers embed it verbatim
 * instead of parsing and re-serializing it.
 */
public record JsonText(String json) {

    public JsonText {
        requireNonNull(json, "json is null");
    }
}
