package io.cairn.client.error;

import static java.util.Objects.requireNonNull;

/**
 * The server answered with an error status. Subclasses say what kind of error it is; this class itself is thrown
 * only for a status outside 4xx and 5xx (e.g. a redirect, which the SDK does not follow). {@link #getMessage()} is
 * {@link ApiError#summary()}. Immutable and safe to share between threads.
 */
public class CairnApiException extends CairnClientException {

    /** What the server said. */
    private final ApiError error;

    /**
     * Creates an exception for an error answer.
     *
     * @param error what the server said; never null
     * @throws NullPointerException if {@code error} is null
     */
    public CairnApiException(ApiError error) {
        super(requireNonNull(error, "error is null").summary());
        this.error = error;
    }

    /**
     * Everything the SDK read from the error answer.
     *
     * @return the error; never null
     */
    public ApiError error() {
        return error;
    }

    /**
     * The HTTP status code.
     *
     * @return the status, e.g. 404
     */
    public int status() {
        return error.status();
    }

    /**
     * The server's machine-readable error code.
     *
     * @return the code, e.g. {@code project_not_found}; null when the body had none
     */
    public String code() {
        return error.code();
    }

    /**
     * The id the server gave the request; quote it when reporting a problem.
     *
     * @return the request id; null when the server sent none
     */
    public String requestId() {
        return error.requestId();
    }

    /**
     * The server's human-readable explanation.
     *
     * @return the detail, possibly truncated; never null, empty when the body said nothing
     */
    public String detail() {
        return error.detail();
    }

    /**
     * The request field the error is about.
     *
     * @return the field name, e.g. {@code name}; null when the error is not about one field
     */
    public String field() {
        return error.field();
    }

    /**
     * The response body as text.
     *
     * @return the body; never null, empty when there was none
     */
    public String body() {
        return error.body();
    }
}
