package io.cairn.core.error;

import java.util.Map;

/** Missing, unknown or revoked credentials (typically 401). */
public final class UnauthenticatedException extends CairnException {

    public UnauthenticatedException(ErrorCode code, String message) {
        super(code, message, Map.of(), null);
    }

    public UnauthenticatedException(ErrorCode code, String message, Map<String, ?> details) {
        super(code, message, details, null);
    }

    public UnauthenticatedException(ErrorCode code, String message, Throwable cause) {
        super(code, message, Map.of(), cause);
    }
}
