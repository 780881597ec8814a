package io.cairn.core.error;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A failure a caller can branch on. The subclass says what kind of failure it is (bad input, missing credentials,
 * not found...), {@link #code()} says precisely which, {@link #getMessage()} is safe to show to a user, and
 * {@link #details()} names the offending field or value.
 */
public abstract sealed class CairnException extends RuntimeException
        permits InvalidRequestException, UnauthenticatedException, ForbiddenException, NotFoundException,
                ConflictException, LimitExceededException, UnavailableException, InternalException {

    private final ErrorCode code;
    private final Map<String, Object> details;

    protected CairnException(ErrorCode code, String message, Map<String, ?> details, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
        this.details = Map.copyOf(requireNonNull(details, "details is null"));
    }

    public ErrorCode code() {
        return code;
    }

    /** Extra facts about the failure, e.g. {@code field -> "name"}; never null, often empty. */
    public Map<String, Object> details() {
        return details;
    }
}
