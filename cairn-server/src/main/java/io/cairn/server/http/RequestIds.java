package io.cairn.server.http;

import io.cairn.core.model.Hex;
import io.javalin.http.Context;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a sane token, else a fresh one. The id
 * goes into the MDC (so every log line of the request carries it), the response header and error bodies.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {}

    /** Before-handler for every path. */
    public static void assign(Context ctx) {
        String given = ctx.header(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : Hex.random(16);
        ctx.attribute(RequestAttributes.REQUEST_ID, id);
        ctx.header(HEADER, id);
        MDC.put(MDC_KEY, id);
    }

    /** The request's id, assigning one if the before-handler has not run (e.g. an error before routing). */
    public static String of(Context ctx) {
        String id = ctx.attribute(RequestAttributes.REQUEST_ID);
        if (id == null) {
            assign(ctx);
            id = ctx.attribute(RequestAttributes.REQUEST_ID);
        }
        return id;
    }

    static void clear() {
        MDC.remove(MDC_KEY);
    }
}
