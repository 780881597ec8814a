package io.cairn.client.error;

/**
 * A request that got no HTTP answer: the connection was refused or dropped, a timeout expired, or the calling
 * thread was interrupted while waiting. Idempotent requests have already been retried when this is thrown; a
 * POST may or may not have reached the server. The cause holds the underlying {@link java.io.IOException} or
 * {@link InterruptedException}.
 */
public class CairnConnectionException extends CairnClientException {

    /**
     * Creates a connection failure.
     *
     * @param message the request and what went wrong; never null
     * @param cause the underlying failure; may be null
     */
    public CairnConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
