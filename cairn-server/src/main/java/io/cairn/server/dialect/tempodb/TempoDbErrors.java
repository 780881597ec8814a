package io.cairn.server.dialect.tempodb;

import io.cairn.core.error.CairnException;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.error.UnauthenticatedException;
import io.cairn.core.error.UnavailableException;
import io.cairn.server.http.ErrorRenderer;
import io.cairn.server.http.HttpStatuses;
import io.javalin.http.Context;

/**
 * TempoDB's errors: the status, and the message as plain text. TempoDB's client treats every status but 200 as a
 * failure and hands the body text to its caller unparsed ({@code {"error": <text>}}), so the text is all there is:
 * it says what was wrong and which parameter. Bad input is 400, with no 422 outside multi-status entries.
 */
final class TempoDbErrors implements ErrorRenderer {

    static final TempoDbErrors INSTANCE = new TempoDbErrors();

    private TempoDbErrors() {}

    @Override
    public void render(CairnException error, String requestId, Context ctx) {
        int status = error instanceof InvalidRequestException invalid && HttpStatuses.of(invalid) != 415 ? 400
                : HttpStatuses.of(error);
        if (error instanceof UnauthenticatedException) {
            ctx.header("WWW-Authenticate", "Basic realm=\"cairn\"");
        }
        if (error instanceof UnavailableException) {
            ctx.header("Retry-After", "1");
        }
        String message = status >= 500 && !(error instanceof UnavailableException)
                ? "internal error; request id " + requestId : error.getMessage();
        ctx.status(status).contentType("text/plain; charset=utf-8").result(message + "\n");
    }
}
