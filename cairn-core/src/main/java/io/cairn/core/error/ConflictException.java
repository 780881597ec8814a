package io.cairn.core.error;

import java.util.Map;

/** The request contradicts the current state: a name already taken, a job already finished (409). */
public final class ConflictException extends CairnException {

    public ConflictException(ErrorCode code, String message) {
        super(code, message, Map.of(), null);
    }

    public ConflictException(ErrorCode code, String message, Map<String, ?> details) {
        super(code, message, details, null);
    }

    public ConflictException(ErrorCode code, String message, Throwable cause) {
        super(code, message, Map.of(), cause);
    }
}
