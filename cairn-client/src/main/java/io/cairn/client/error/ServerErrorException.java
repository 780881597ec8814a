package io.cairn.client.error;

/**
 * The server failed (5xx). A 503 on an idempotent request has already been retried when this is thrown;
 * {@link #requestId()} identifies the request in the server's log. Immutable and safe to share between threads.
 */
public class ServerErrorException extends CairnApiException {

    /**
     * Creates the exception.
     *
     * @param error what the server said; never null
     * @throws NullPointerException if {@code error} is null
     */
    public ServerErrorException(ApiError error) {
        super(error);
    }
}
