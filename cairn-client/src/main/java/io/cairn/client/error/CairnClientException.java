package io.cairn.client.error;

/**
 * Base of the SDK's failures; unchecked. Thrown as itself when the server answered successfully but with a body
 * the SDK cannot read (a server of another version, or something that is not Cairn behind the base URL).
 * Immutable and safe to share between threads.
 */
public class CairnClientException extends RuntimeException {

    /**
     * Creates an exception.
     *
     * @param message what failed; never null
     */
    public CairnClientException(String message) {
        super(message);
    }

    /**
     * Creates an exception with the failure that caused it.
     *
     * @param message what failed; never null
     * @param cause the underlying failure; may be null
     */
    public CairnClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
