package io.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WireTimeTest {

    @Test
    void aRunWritesWhatTheGeneralFormatterWrites() {
        Random random = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            long micros = random.nextLong(-5_000_000_000_000_000L, 250_000_000_000_000_000L);
            assertThat(formatMicros(micros)).as("%d", micros).isEqualTo(WireTime.format(instant(micros)));
        }
        assertThat(formatMicros(1_325_379_600_123_999L)).isEqualTo("2012-01-01T01:00:00.123Z");
        assertThat(formatMicros(-1)).isEqualTo("1969-12-31T23:59:59.999Z");
        for (String beyondFourDigits : List.of("+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59.999Z")) {
            Instant instant = Instant.parse(beyondFourDigits);
            assertThat(formatMicros(instant.toEpochMilli() * 1000)).isEqualTo(WireTime.format(instant));
        }
        assertThat(formatMicros(Long.MAX_VALUE)).hasSize(WireTime.MAX_MICROS_LENGTH)
                .isEqualTo("+294247-01-10T04:00:54.775Z");
        assertThat(formatMicros(Long.MIN_VALUE)).hasSize(WireTime.MAX_MICROS_LENGTH)
                .isEqualTo("-290308-12-21T19:59:05.224Z");
    }

    @Test
    void aRunKeepsNoStaleDateAcrossDaysOrBackwardSteps() {
        WireTime.Run run = new WireTime.Run();
        Random random = new Random(5);
        // Steps of up to 3 hours either way cross midnight, the epoch and back again, within and between days.
        long micros = -2 * 86_400_000_000L;
        for (int i = 0; i < 20_000; i++) {
            micros += random.nextLong(-3 * 3_600_000_000L, 3 * 3_600_000_000L + 1);
            assertThat(write(run, micros)).as("%d", micros).isEqualTo(WireTime.format(instant(micros)));
        }
        long endOfDay = 86_400_000_000L - 1;
        assertThat(write(run, endOfDay)).isEqualTo("1970-01-01T23:59:59.999Z");
        assertThat(write(run, endOfDay + 1)).isEqualTo("1970-01-02T00:00:00.000Z");
        assertThat(write(run, Long.MAX_VALUE)).isEqualTo("+294247-01-10T04:00:54.775Z");
        assertThat(write(run, endOfDay)).isEqualTo("1970-01-01T23:59:59.999Z");
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000);
    }

    /** What a new run writes, after some bytes already there, as a String. */
    private static String formatMicros(long micros) {
        return write(new WireTime.Run(), micros);
    }

    private static String write(WireTime.Run run, long micros) {
        byte[] text = new byte[3 + WireTime.MAX_MICROS_LENGTH];
        int end = run.write(micros, text, 3);
        return new String(text, 3, end - 3, StandardCharsets.US_ASCII);
    }
}
