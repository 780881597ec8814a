package io.cairn.client.error;

/**
 * The credentials are valid but may not do this (403), e.g. a read key used to ingest. Immutable and safe to share
 * between threads.
 */
public class ForbiddenException extends CairnApiException {

    /**
     * Creates the exception.
     *
     * @param error what the server said; never null
     * @throws NullPointerException if {@code error} is null
     */
    public ForbiddenException(ApiError error) {
        super(error);
    }
}
