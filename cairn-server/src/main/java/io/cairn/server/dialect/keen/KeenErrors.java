package io.cairn.server.dialect.keen;

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
import io.cairn.server.http.ErrorRenderer;
import io.cairn.server.http.HttpStatuses;
import io.cairn.server.http.Responses;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keen's error shape: {@code {"message": "...", "error_code": "InvalidApiKeyError"}}. Keen's Python client reads both
 * fields of every non-2xx answer (and fails with a KeyError when one is missing), so every error carries both.
 *
 * <p>Statuses follow Keen: bad input is 400; a key that is unknown <em>or</em> lacks the permission is 401 (Keen
 * answered {@code AdminOnlyEndpointError} with 401, not 403); unknown resources are 404.
 */
public final class KeenErrors implements ErrorRenderer {

    static final KeenErrors INSTANCE = new KeenErrors();

    private KeenErrors() {}

    @Override
    public void render(CairnException error, String requestId, Context ctx) {
        int status = status(error);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", error.getMessage());
        body.put("error_code", name(error));
        body.put("request_id", requestId);
        if (error instanceof UnavailableException) {
            ctx.header("Retry-After", "1");
        }
        Responses.json(ctx, status, body);
    }

    static int status(CairnException error) {
        return switch (error) {
            case InvalidRequestException e -> e.code() == ErrorCode.UNSUPPORTED_MEDIA_TYPE ? 415 : 400;
            case UnauthenticatedException e -> 401;
            case ForbiddenException e -> 401;
            default -> HttpStatuses.of(error);
        };
    }

    /** Keen's name for a failure, as its clients show it. */
    static String name(CairnException error) {
        return switch (error) {
            case InvalidRequestException e -> invalidName(e.code());
            case UnauthenticatedException e -> "InvalidApiKeyError";
            case ForbiddenException e -> "master".equals(e.details().get("required"))
                    ? "AdminOnlyEndpointError" : "InvalidApiKeyError";
            case NotFoundException e -> e.code() == ErrorCode.METHOD_NOT_ALLOWED
                    ? "MethodNotAllowedError" : "ResourceNotFoundError";
            case ConflictException e -> "ConflictError";
            case LimitExceededException e -> e.code() == ErrorCode.BODY_TOO_LARGE
                    ? "RequestEntityTooLargeError" : "TooManyRequestsError";
            case UnavailableException e -> "ServiceUnavailableError";
            case InternalException e -> "InternalServerError";
        };
    }

    /** Names of per-event errors in batch answers. */
    static String invalidName(ErrorCode code) {
        return switch (code) {
            case INVALID_PROPERTY_NAME -> "InvalidPropertyNameError";
            case INVALID_COLLECTION_NAME -> "InvalidCollectionNameError";
            case INVALID_EVENT -> "InvalidEventError";
            case INVALID_JSON -> "InvalidJSONError";
            case INVALID_FILTER -> "InvalidFilterError";
            case INVALID_TIMEFRAME -> "InvalidTimeframeError";
            case INVALID_TIMEZONE -> "InvalidTimezoneError";
            case INVALID_INTERVAL, TOO_MANY_BUCKETS -> "InvalidIntervalError";
            case UNSUPPORTED_MEDIA_TYPE -> "UnsupportedMediaTypeError";
            default -> "BadRequestError";
        };
    }
}
