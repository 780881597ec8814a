package io.cairn.client.error;

/**
 * The request was rejected as invalid (400, 413, 415, 422, and any other 4xx without a more specific class):
 * a malformed or oversized body, an unsupported content type, or a field that fails validation, named by {@link
 * #field()} when the server says which. Retrying the same request will fail the same way. Immutable and safe to
 * share between threads.
 */
public class BadRequestException extends CairnApiException {

    /**
     * Creates the exception.
     *
     * @param error what the server said; never null
     * @throws NullPointerException if {@code error} is null
     */
    public BadRequestException(ApiError error) {
        super(error);
    }
}
