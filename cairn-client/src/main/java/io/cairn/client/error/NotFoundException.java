package io.cairn.client.error;

/**
 * The resource does not exist (404): no such project, key, collection, query... Immutable and safe to share between
 * threads.
 */
public class NotFoundException extends CairnApiException {

    /**
     * Creates the exception.
     *
     * @param error what the server said; never null
     * @throws NullPointerException if {@code error} is null
     */
    public NotFoundException(ApiError error) {
        super(error);
    }
}
