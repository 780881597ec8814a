package io.cairn.server.http;

import io.cairn.core.error.CairnException;
import io.javalin.http.Context;

/**
 * Writes a core failure in a wire's own error shape (status, headers, body). Each dialect has one; paths no
 * dialect owns use {@link ProblemDetails}.
 */
@FunctionalInterface
public interface ErrorRenderer {

    /** Sets status, headers and body of {@code ctx} for {@code error}. {@code requestId} is already in the headers. */
    void render(CairnException error, String requestId, Context ctx);
}
