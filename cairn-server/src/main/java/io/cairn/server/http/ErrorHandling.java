package io.cairn.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.cairn.core.error.CairnException;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InternalException;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.error.LimitExceededException;
import io.cairn.core.error.NotFoundException;
import io.cairn.core.error.UnavailableException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's one exception handler. Every failure becomes a core {@link CairnException} here (framework errors
 * such as unknown routes included), and the {@link ErrorRenderer} of the dialect owning the path writes it. 5xx
 * answers carry only a generic message and the request id; the log line carries the cause.
 */
public final class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    private ErrorHandling() {}

    /** Answers every failure in the error shape that {@code renderers} gives the request's path. */
    public static void install(RoutesConfig routes, ErrorRenderers renderers) {
        routes.exception(HttpResponseException.class, (exception, ctx) -> handle(exception, ctx, renderers));
        routes.exception(Exception.class, (exception, ctx) -> handle(exception, ctx, renderers));
    }

    static void handle(Exception exception, Context ctx, ErrorRenderers renderers) {
        CairnException error = toCairn(exception, ctx);
        String requestId = RequestIds.of(ctx);
        if (HttpStatuses.of(error) >= 500 && !(error instanceof UnavailableException)) {
            log.error("request failed method={} path={} requestId={} code={}", ctx.method(), ctx.path(), requestId,
                    error.code().id(), error.getCause() != null ? error.getCause() : error);
        }
        RequestBodies.discardRemainder(ctx);
        renderers.forPath(ctx.path()).render(error, requestId, ctx);
    }

    static CairnException toCairn(Exception exception, Context ctx) {
        return switch (exception) {
            case CairnException cairn -> cairn;
            case HttpResponseException http -> fromFramework(http, ctx);
            case JsonProcessingException json -> RequestBodies.malformed(json);
            default -> new InternalException(ErrorCode.INTERNAL, "internal error", exception);
        };
    }

    private static CairnException fromFramework(HttpResponseException http, Context ctx) {
        String request = ctx.method().name() + " " + ctx.path();
        return switch (http.getStatus()) {
            case 404 -> new NotFoundException(ErrorCode.ROUTE_NOT_FOUND, "no route for " + request);
            case 405 -> new NotFoundException(ErrorCode.METHOD_NOT_ALLOWED, "method not allowed: " + request);
            case 413 -> new LimitExceededException(ErrorCode.BODY_TOO_LARGE, "the request body is too large");
            case 503 -> new UnavailableException(ErrorCode.SHUTTING_DOWN, "the server is not taking requests");
            default -> http.getStatus() < 500
                    ? new InvalidRequestException(ErrorCode.INVALID_FIELD, http.getMessage())
                    : new InternalException(ErrorCode.INTERNAL, "internal error", http);
        };
    }
}
