package io.cairn.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TurnsTest {

    @Test
    void withoutATimedPartEachWayRunsTheWarmUpRoundsAndThenTheRunsGiven() throws Exception {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();

        double[] medians = new Turns(Duration.ZERO, 5, Duration.ZERO).medianMillis(List.of(
                counting(first, 0), counting(second, 0)));

        assertThat(medians).hasSize(2);
        assertThat(first).hasValue(3 + 5);
        assertThat(second).hasValue(3 + 5);
    }

    @Test
    void aTimedPartKeepsTakingTurnsPastTheRunsAndTheMedianCoversThemAll() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        // Every fourth call is slow: the median of all the rounds is a fast one.
        Callable<Void> mostlyFast = () -> {
            Thread.sleep(calls.incrementAndGet() % 4 == 0 ? 20 : 1);
            return null;
        };

        double[] medians = new Turns(Duration.ZERO, 3, Duration.ofMillis(400)).medianMillis(List.of(mostlyFast));

        assertThat(calls.get()).as("turns taken for the timed part").isGreaterThan(3 + 3 + 10);
        assertThat(medians[0]).isBetween(1.0, 10.0);
    }

    @Test
    void theMedianIsOfTheRoundsTimedNotOfTheArraysUnusedTail() {
        assertThat(Turns.median(new double[] {5, 1, 3, 0, 0, 0, 0, 0}, 3)).isEqualTo(3);
        assertThat(Turns.median(new double[] {4, 2}, 2)).isEqualTo(4);
    }

    @Test
    void refusesNegativeDurationsAndNoRuns() {
        assertThatThrownBy(() -> new Turns(Duration.ZERO, 1, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Turns(Duration.ZERO, 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Callable<Void> counting(AtomicInteger calls, long sleepMillis) {
        return () -> {
            calls.incrementAndGet();
            Thread.sleep(sleepMillis);
            return null;
        };
    }
}
