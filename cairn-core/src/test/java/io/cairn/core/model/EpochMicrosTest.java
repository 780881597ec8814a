package io.cairn.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EpochMicrosTest {

    @Test
    void instantsAndMicrosecondsConvertBothWays() {
        Instant instant = Instant.parse("2026-11-23T12:34:56.789012Z");
        assertThat(EpochMicros.of(instant)).isEqualTo(1_795_437_296_789_012L);
        assertThat(EpochMicros.toInstant(1_795_437_296_789_012L)).isEqualTo(instant);
        assertThat(EpochMicros.toInstant(EpochMicros.of(Instant.parse("9999-12-31T23:59:59.999999Z"))))
                .isEqualTo(Instant.parse("9999-12-31T23:59:59.999999Z"));
    }

    @Test
    void timesBeforeTheEpochAndDigitsBelowAMicrosecondGoTowardThePast() {
        assertThat(EpochMicros.of(Instant.parse("1969-12-31T23:59:59.999999Z"))).isEqualTo(-1);
        assertThat(EpochMicros.toInstant(-1)).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
        assertThat(EpochMicros.of(Instant.parse("1969-12-31T23:59:59.9999995Z"))).isEqualTo(-1);
        assertThat(EpochMicros.of(Instant.parse("2000-01-01T00:00:00.0000009Z")))
                .isEqualTo(EpochMicros.of(Instant.parse("2000-01-01T00:00:00Z")));
    }

    @Test
    void instantsBeyondALongOfMicrosecondsAreRefused() {
        assertThatThrownBy(() -> EpochMicros.of(Instant.MAX)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> EpochMicros.of(Instant.MIN)).isInstanceOf(ArithmeticException.class);
    }
}
