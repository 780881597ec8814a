package io.cairn.core.error;

import java.util.Map;

/** A bug or a storage failure. The message is generic; the cause is kept for the log (500). */
public final class InternalException extends CairnException {

    public InternalException(ErrorCode code, String message) {
        super(code, message, Map.of(), null);
    }

    public InternalException(ErrorCode code, String message, Map<String, ?> details) {
        super(code, message, details, null);
    }

    public InternalException(ErrorCode code, String message, Throwable cause) {
        super(code, message, Map.of(), cause);
    }
}
