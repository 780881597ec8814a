package io.cairn.core.error;

import java.util.Map;

/** Valid credentials that lack the role or scope an operation needs (typically 403). */
public final class ForbiddenException extends CairnException {

    public ForbiddenException(ErrorCode code, String message) {
        super(code, message, Map.of(), null);
    }

    public ForbiddenException(ErrorCode code, String message, Map<String, ?> details) {
        super(code, message, details, null);
    }

    public ForbiddenException(ErrorCode code, String message, Throwable cause) {
        super(code, message, Map.of(), cause);
    }
}
