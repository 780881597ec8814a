package io.cairn.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Duration BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX = Duration.ofSeconds(5);

    private final RetryPolicy policy = new RetryPolicy(2, BACKOFF, MAX);

    @Test
    void firstDelayIsBetweenHalfAndAllOfTheBackoff() {
        for (int i = 0; i < 200; i++) {
            assertThat(policy.delay(1, Optional.empty())).isBetween(Duration.ofMillis(100), BACKOFF);
        }
    }

    @Test
    void delayDoublesWithEachRetry() {
        for (int i = 0; i < 200; i++) {
            assertThat(policy.delay(3, Optional.empty())).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
        }
    }

    @Test
    void delayIsCappedAtTheMaxBackoffHoweverManyRetries() {
        for (int retry : new int[] {6, 10, 1_000, Integer.MAX_VALUE}) {
            assertThat(policy.delay(retry, Optional.empty())).isBetween(MAX.dividedBy(2), MAX);
        }
    }

    @Test
    void retryAfterIsUsedAsIsUpToTheMaxBackoff() {
        assertThat(policy.delay(1, Optional.of(Duration.ofSeconds(2)))).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delay(1, Optional.of(Duration.ZERO))).isEqualTo(Duration.ZERO);
        assertThat(policy.delay(1, Optional.of(Duration.ofSeconds(30)))).isEqualTo(MAX);
    }

    @Test
    void nonsensicalPoliciesAreRejected() {
        assertThatThrownBy(() -> new RetryPolicy(-1, BACKOFF, MAX)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, MAX)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, MAX, BACKOFF)).isInstanceOf(IllegalArgumentException.class);
    }
}
