package io.cairn.client.error;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * An error answer from the server, as far as the SDK could read it. Cairn's admin API sends RFC 9457 problem
 * details; the wire dialects send their vendors' shapes (Keen {@code message}/{@code error_code}, CARTO
 * {@code error} lists, plain text), which fill the same fields where they have them. Immutable and thread-safe;
 * serializable because the exceptions that carry it are.
 *
 * @param status the HTTP status code
 * @param code a stable machine-readable error code ({@code project_name_taken}, {@code InvalidApiKeyError});
 *     null when the body has none
 * @param requestId the id the server gave the request, from the body or the {@code X-Request-Id} header; null when
 *     neither has one
 * @param detail a human-readable explanation, possibly truncated; never null, empty when the body says nothing
 * @param field the request field the error is about; null when the error is not about one field
 * @param body the response body as text, untruncated; never null, empty when there was none
 */
public record ApiError(int status, String code, String requestId, String detail, String field, String body)
        implements Serializable {

    /**
     * Creates an error value.
     *
     * @throws NullPointerException if {@code detail} or {@code body} is null
     */
    public ApiError {
        requireNonNull(detail, "detail is null");
        requireNonNull(body, "body is null");
    }

    /**
     * One line naming the status, the code, the request id and the detail, e.g.
     * {@code HTTP 409 project_name_taken (request 4f3a): a project named acme already exists}; absent parts are
     * left out.
     *
     * @return the summary; never null
     */
    public String summary() {
        StringBuilder summary = new StringBuilder("HTTP ").append(status);
        if (code != null) {
            summary.append(' ').append(code);
        }
        if (requestId != null) {
            summary.append(" (request ").append(requestId).append(')');
        }
        if (!detail.isEmpty()) {
            summary.append(": ").append(detail);
        }
        return summary.toString();
    }
}
