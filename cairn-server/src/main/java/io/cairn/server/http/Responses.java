package io.cairn.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;

/** Writing JSON responses with the server's one mapper. */
public final class Responses {

    public static final String JSON = "application/json";

    private Responses() {}

    public static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType(JSON).result(toJson(body));
    }

    static byte[] toJson(Object body) {
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response body could not be written as JSON", e);
        }
    }
}
