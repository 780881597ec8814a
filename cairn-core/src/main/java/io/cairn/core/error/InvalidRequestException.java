package io.cairn.core.error;

import java.util.Map;
import java.util.Optional;

/** Bad input; {@link #field()} names the offending field when there is one (400 or 422). */
public final class InvalidRequestException extends CairnException {

    public InvalidRequestException(ErrorCode code, String message) {
        super(code, message, Map.of(), null);
    }

    public InvalidRequestException(ErrorCode code, String message, Map<String, ?> details) {
        super(code, message, details, null);
    }

    public InvalidRequestException(ErrorCode code, String message, Throwable cause) {
        super(code, message, Map.of(), cause);
    }

    /** A bad value in a named field of the request. */
    public static InvalidRequestException field(String field, String message) {
        return new InvalidRequestException(ErrorCode.INVALID_FIELD, message, Map.of("field", field));
    }

    /** A required field of the request is absent. */
    public static InvalidRequestException missing(String field) {
        return new InvalidRequestException(ErrorCode.MISSING_FIELD, field + " is required", Map.of("field", field));
    }

    /** The offending field, when the failure is about one. */
    public Optional<String> field() {
        return Optional.ofNullable((String) details().get("field"));
    }
}
