package io.cairn.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeRangeTest {

    private static final Instant START = Instant.parse("2024-05-15T00:00:00Z");
    private static final Instant END = Instant.parse("2024-05-16T00:00:00Z");

    @Test
    void containsItsStartButNotItsEnd() {
        TimeRange range = TimeRange.of(START, END);
        assertThat(range.contains(START)).isTrue();
        assertThat(range.contains(Instant.parse("2024-05-15T23:59:59.999Z"))).isTrue();
        assertThat(range.contains(END)).isFalse();
        assertThat(range.contains(Instant.parse("2024-05-14T23:59:59.999Z"))).isFalse();
    }

    @Test
    void rejectsAnEmptyOrBackwardRangeAsAnInvalidTimeframe() {
        for (Instant[] bounds : new Instant[][] {{START, START}, {END, START}}) {
            assertThatThrownBy(() -> new TimeRange(bounds[0], bounds[1]))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TIMEFRAME);
                        assertThat(e.field()).contains("timeframe");
                        assertThat(e.getMessage()).contains("before");
                    });
        }
    }

    @Test
    void rejectsMissingBounds() {
        assertThatThrownBy(() -> new TimeRange(null, END)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new TimeRange(START, null)).isInstanceOf(NullPointerException.class);
    }
}
