package io.cairn.server.http;

import io.cairn.core.error.CairnException;
import io.cairn.core.error.ConflictException;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.ForbiddenException;
import io.cairn.core.error.InternalException;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.error.LimitExceededException;
import io.cairn.core.error.NotFoundException;
import io.cairn.core.error.UnauthenticatedException;
import io.cairn.core.error.UnavailableException;

/** The default HTTP status of each core failure; dialects whose vendor used other statuses decide for themselves. */
public final class HttpStatuses {

    private HttpStatuses() {}

    public static int of(CairnException error) {
        return switch (error) {
            case InvalidRequestException e -> switch (e.code()) {
                case INVALID_FIELD, MISSING_FIELD -> 422;
                case UNSUPPORTED_MEDIA_TYPE -> 415;
                default -> 400;
            };
            case UnauthenticatedException e -> 401;
            case ForbiddenException e -> 403;
            case NotFoundException e -> e.code() == ErrorCode.METHOD_NOT_ALLOWED ? 405 : 404;
            case ConflictException e -> 409;
            case LimitExceededException e -> e.code() == ErrorCode.BODY_TOO_LARGE ? 413 : 429;
            case UnavailableException e -> 503;
            case InternalException e -> 500;
        };
    }

    /** The reason phrase used as a problem's title. */
    public static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
