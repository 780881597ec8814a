package io.cairn.client.error;

/**
 * The credentials were missing, malformed or unknown (401): check the admin token or the project key. Immutable and
 * safe to share between threads.
 */
public class UnauthorizedException extends CairnApiException {

    /**
     * Creates the exception.
     *
     * @param error what the server said; never null
     * @throws NullPointerException if {@code error} is null
     */
    public UnauthorizedException(ApiError error) {
        super(error);
    }
}
