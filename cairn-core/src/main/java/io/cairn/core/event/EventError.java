package io.cairn.core.event;

import static java.util.Objects.requireNonNull;

import io.cairn.core.error.ErrorCode;

/** Why one event was refused: a stable code and a message for the sender. */
public record EventError(ErrorCode code, String message) {

    public EventError {
        requireNonNull(code, "code is null");
        requireNonNull(message, "message is null");
    }
}
