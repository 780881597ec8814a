package io.cairn.core.error;

import java.util.Map;

/** No such project, key, collection, series, query, job... (404). */
public final class NotFoundException extends CairnException {

    public NotFoundException(ErrorCode code, String message) {
        super(code, message, Map.of(), null);
    }

    public NotFoundException(ErrorCode code, String message, Map<String, ?> details) {
        super(code, message, details, null);
    }

    public NotFoundException(ErrorCode code, String message, Throwable cause) {
        super(code, message, Map.of(), cause);
    }
}
