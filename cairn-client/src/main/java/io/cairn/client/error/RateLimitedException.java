package io.cairn.client.error;

import java.time.Duration;
import java.util.Optional;

/**
 * Too many requests (429). Not retried by the SDK: the caller decides whether to wait {@link #retryAfter()}.
 * Immutable and safe to share between threads.
 */
public class RateLimitedException extends CairnApiException {

    /** The server's requested wait; null when it did not say. */
    private final Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param error what the server said; never null
     * @param retryAfter how long the server asked the client to wait; null when it did not say
     * @throws NullPointerException if {@code error} is null
     */
    public RateLimitedException(ApiError error, Duration retryAfter) {
        super(error);
        this.retryAfter = retryAfter;
    }

    /**
     * How long the server asked the client to wait, from a {@code Retry-After} header in seconds.
     *
     * @return the wait; empty when the server did not say
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
