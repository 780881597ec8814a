package io.cairn.client.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before retrying an idempotent request: exponential backoff from {@code backoff},
 * doubling per retry, capped at {@code maxBackoff}, with jitter so that many clients failing together do not retry
 * in lockstep. Immutable and thread-safe.
 *
 * @param maxRetries how many retries after the first attempt; 0 disables retries
 * @param backoff the wait before the first retry, before jitter; positive
 * @param maxBackoff the longest wait, also the cap on a server's {@code Retry-After}; at least {@code backoff}
 */
public record RetryPolicy(int maxRetries, Duration backoff, Duration maxBackoff) {

    /**
     * Creates a policy.
     *
     * @throws IllegalArgumentException if {@code maxRetries} is negative, {@code backoff} is not positive or
     *     {@code maxBackoff} is shorter than {@code backoff}
     * @throws NullPointerException if a duration is null
     */
    public RetryPolicy {
        requireNonNull(backoff, "backoff is null");
        requireNonNull(maxBackoff, "maxBackoff is null");
        if (maxRetries < 0 || !backoff.isPositive() || maxBackoff.compareTo(backoff) < 0) {
            throw new IllegalArgumentException("invalid retry policy: maxRetries=" + maxRetries + " backoff="
                    + backoff + " maxBackoff=" + maxBackoff);
        }
    }

    /**
     * How long to wait before a retry.
     *
     * @param retry which retry this is, from 1
     * @param retryAfter the wait the server asked for; when present it is used as is, capped at {@code maxBackoff}
     * @return the wait; never null, never longer than {@code maxBackoff}
     */
    public Duration delay(int retry, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            return min(retryAfter.get(), maxBackoff);
        }
        // Doubling stops at the cap before it can overflow a Duration.
        Duration base = backoff;
        for (int i = 1; i < retry && base.compareTo(maxBackoff) < 0; i++) {
            base = base.multipliedBy(2);
        }
        base = min(base, maxBackoff);
        // "Equal jitter": at least half the backoff, so retries still spread out as they double.
        long half = base.toNanos() / 2;
        return Duration.ofNanos(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
