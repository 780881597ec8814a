package io.cairn.server.http;

/** Names of the per-request attributes the plumbing shares with dialects and the access log. */
public final class RequestAttributes {

    /** The {@link io.cairn.core.project.Principal} the request was authenticated as. */
    public static final String PRINCIPAL = "cairn.principal";
    /** The request id, also in the MDC as {@code requestId} and in the {@code X-Request-Id} response header. */
    public static final String REQUEST_ID = "cairn.request-id";

    private RequestAttributes() {}
}
