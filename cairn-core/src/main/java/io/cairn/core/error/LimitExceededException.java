package io.cairn.core.error;

import java.util.Map;

/** A body, row, memory, time or rate limit was exceeded (413, 429 or 400 depending on the limit). */
public final class LimitExceededException extends CairnException {

    public LimitExceededException(ErrorCode code, String message) {
        super(code, message, Map.of(), null);
    }

    public LimitExceededException(ErrorCode code, String message, Map<String, ?> details) {
        super(code, message, details, null);
    }

    public LimitExceededException(ErrorCode code, String message, Throwable cause) {
        super(code, message, Map.of(), cause);
    }
}
