package io.cairn.server.http;

import io.cairn.core.error.CairnException;
import io.cairn.core.error.UnauthenticatedException;
import io.cairn.core.error.UnavailableException;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 9457 problem details ({@code application/problem+json}): {@code type}, {@code title}, {@code status},
 * {@code detail}, {@code instance}, plus Cairn's {@code code}, {@code requestId} and, for bad fields, {@code field}.
 * The error shape of the admin API and of every path no dialect owns.
 */
public final class ProblemDetails implements ErrorRenderer {

    public static final ProblemDetails INSTANCE = new ProblemDetails();
    public static final String CONTENT_TYPE = "application/problem+json";

    private ProblemDetails() {}

    @Override
    public void render(CairnException error, String requestId, Context ctx) {
        int status = HttpStatuses.of(error);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:cairn:error:" + error.code().id());
        body.put("title", HttpStatuses.title(status));
        body.put("status", status);
        body.put("detail", error.getMessage());
        body.put("instance", ctx.path());
        body.put("code", error.code().id());
        body.put("requestId", requestId);
        Object field = error.details().get("field");
        if (field != null) {
            body.put("field", field);
        }
        if (error instanceof UnauthenticatedException) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        if (error instanceof UnavailableException) {
            ctx.header("Retry-After", "1");
        }
        ctx.status(status).contentType(CONTENT_TYPE).result(Responses.toJson(body));
    }
}
