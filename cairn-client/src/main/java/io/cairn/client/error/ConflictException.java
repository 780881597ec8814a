package io.cairn.client.error;

/**
 * The request conflicts with the current state (409), e.g. a project name already taken. Immutable and safe to share
 * between threads.
 */
public class ConflictException extends CairnApiException {

    /**
     * Creates the exception.
     *
     * @param error what the server said; never null
     * @throws NullPointerException if {@code error} is null
     */
    public ConflictException(ApiError error) {
        super(error);
    }
}
