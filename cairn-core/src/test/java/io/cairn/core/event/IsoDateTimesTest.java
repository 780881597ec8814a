package io.cairn.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class IsoDateTimesTest {

    @Test
    void readsTheFormsClientsSend() {
        assertThat(micros("2024-01-02T03:04:05Z")).isEqualTo(at("2024-01-02T03:04:05Z"));
        assertThat(micros("2024-01-02T03:04:05.123Z")).isEqualTo(at("2024-01-02T03:04:05.123Z"));
        assertThat(micros("2024-01-02T03:04:05.123456")).isEqualTo(at("2024-01-02T03:04:05.123456Z"));
        assertThat(micros("2024-01-02T03:04:05.123456789Z")).isEqualTo(at("2024-01-02T03:04:05.123456Z"));
        assertThat(micros("2024-01-02T03:04:05")).as("zone-less is UTC").isEqualTo(at("2024-01-02T03:04:05Z"));
        assertThat(micros("2024-01-02 03:04:05")).isEqualTo(at("2024-01-02T03:04:05Z"));
        assertThat(micros("2024-01-02T03:04")).isEqualTo(at("2024-01-02T03:04:00Z"));
        assertThat(micros("2024-01-02T03:04:05+02:00")).isEqualTo(at("2024-01-02T01:04:05Z"));
        assertThat(micros("2024-01-02T03:04:05-0530")).isEqualTo(at("2024-01-02T08:34:05Z"));
        assertThat(micros("2024-01-02T03:04:05+02")).isEqualTo(at("2024-01-02T01:04:05Z"));
        assertThat(micros("1969-12-31T23:59:59.5Z")).isEqualTo(at("1969-12-31T23:59:59.500Z"));
    }

    @Test
    void everythingElseIsNotADateTime() {
        for (String text : new String[] {"", "hello", "2024-01-02", "2024-13-02T03:04:05Z", "2024-02-30T03:04:05Z",
            "2024-01-02T25:04:05Z", "2024-01-02T03:04:05ZZ", "2024-01-02T03:04:05.Z", "2024-01-02X03:04:05",
            "2024-01-02T03:04:05+25:00", "20240102T030405Z", "2024-01-02T03:04:05 extra"}) {
            assertThat(IsoDateTimes.parseMicros(text)).as(text).isEqualTo(IsoDateTimes.NOT_A_DATETIME);
        }
    }

    @Test
    void writesMillisecondsAndZ() {
        assertThat(IsoDateTimes.formatMillis(at("2024-01-02T03:04:05Z"))).isEqualTo("2024-01-02T03:04:05.000Z");
        assertThat(IsoDateTimes.formatMillis(at("2024-12-31T23:59:59.999999Z"))).isEqualTo("2024-12-31T23:59:59.999Z");
        assertThat(IsoDateTimes.formatMillis(at("1969-12-31T23:59:59.5Z"))).isEqualTo("1969-12-31T23:59:59.500Z");
        assertThat(IsoDateTimes.formatMillis(at("0001-01-01T00:00:00.001Z"))).isEqualTo("0001-01-01T00:00:00.001Z");
        assertThat(IsoDateTimes.formatMillis(micros("9999-12-31T23:59:59.123456Z")))
                .isEqualTo("9999-12-31T23:59:59.123Z");
    }

    private static long micros(String text) {
        return IsoDateTimes.parseMicros(text);
    }

    private static long at(String instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(instant));
    }
}
