package io.cairn.core.error;

import java.util.Map;

/** The server cannot take the request now: shutting down, overloaded, storage not ready (503). */
public final class UnavailableException extends CairnException {

    public UnavailableException(ErrorCode code, String message) {
        super(code, message, Map.of(), null);
    }

    public UnavailableException(ErrorCode code, String message, Map<String, ?> details) {
        super(code, message, details, null);
    }

    public UnavailableException(ErrorCode code, String message, Throwable cause) {
        super(code, message, Map.of(), cause);
    }
}
