package io.cairn.server.http;

import io.cairn.core.project.Principal;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request: method, route template, status, milliseconds, project. The route template, not the path,
 * so that no key sent in a path or query string ever reaches the log.
 */
public final class AccessLog {

    private static final Logger log = LoggerFactory.getLogger("io.cairn.access");
    /** The route label of requests that matched no route (keeps metric and log cardinality bounded). */
    public static final String UNMATCHED = "unmatched";

    private AccessLog() {}

    /** The matched route template, e.g. {@code /admin/v1/projects/{id}}, or {@link #UNMATCHED}. */
    public static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        return endpoint == null ? UNMATCHED : endpoint.path;
    }

    public static void write(Context ctx, float millis) {
        Principal principal = ctx.attribute(RequestAttributes.PRINCIPAL);
        log.info("request method={} route={} status={} ms={} project={} requestId={}", ctx.method().name(),
                // Tenths by arithmetic: a Formatter per request cost a few percent of a single event's CPU.
                route(ctx), ctx.statusCode(), Math.round(millis * 10.0) / 10.0,
                principal == null ? "-" : principal.projectId(), ctx.attribute(RequestAttributes.REQUEST_ID));
        RequestIds.clear();
    }
}
