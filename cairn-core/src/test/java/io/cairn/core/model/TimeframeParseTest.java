package io.cairn.core.model;

import static io.cairn.core.model.CalendarUnit.DAY;
import static io.cairn.core.model.CalendarUnit.HOUR;
import static io.cairn.core.model.CalendarUnit.MINUTE;
import static io.cairn.core.model.CalendarUnit.MONTH;
import static io.cairn.core.model.CalendarUnit.WEEK;
import static io.cairn.core.model.CalendarUnit.YEAR;
import static io.cairn.core.model.Timeframe.Anchor.PREVIOUS;
import static io.cairn.core.model.Timeframe.Anchor.THIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.model.Timeframe.Absolute;
import io.cairn.core.model.Timeframe.Relative;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class TimeframeParseTest {

    @Test
    void readsThisAndPreviousWithEveryUnitPluralOrSingular() {
        assertThat(Timeframe.parse("this_15_minutes")).isEqualTo(new Relative(THIS, 15, MINUTE));
        assertThat(Timeframe.parse("previous_6_hours")).isEqualTo(new Relative(PREVIOUS, 6, HOUR));
        assertThat(Timeframe.parse("this_7_days")).isEqualTo(new Relative(THIS, 7, DAY));
        assertThat(Timeframe.parse("this_1_day")).isEqualTo(new Relative(THIS, 1, DAY));
        assertThat(Timeframe.parse("previous_1_week")).isEqualTo(new Relative(PREVIOUS, 1, WEEK));
        assertThat(Timeframe.parse("previous_2_weeks")).isEqualTo(new Relative(PREVIOUS, 2, WEEK));
        assertThat(Timeframe.parse("this_3_months")).isEqualTo(new Relative(THIS, 3, MONTH));
        assertThat(Timeframe.parse("previous_1_month")).isEqualTo(new Relative(PREVIOUS, 1, MONTH));
        assertThat(Timeframe.parse("this_2_years")).isEqualTo(new Relative(THIS, 2, YEAR));
        assertThat(Timeframe.parse("previous_1_minute")).isEqualTo(new Relative(PREVIOUS, 1, MINUTE));
        assertThat(Timeframe.parse("this_1_hour")).isEqualTo(new Relative(THIS, 1, HOUR));
        assertThat(Timeframe.parse("previous_10_years")).isEqualTo(new Relative(PREVIOUS, 10, YEAR));
    }

    @Test
    void ignoresCaseAndSurroundingWhitespace() {
        assertThat(Timeframe.parse("  This_7_DAYS ")).isEqualTo(new Relative(THIS, 7, DAY));
        assertThat(Timeframe.parse("TODAY")).isEqualTo(new Relative(THIS, 1, DAY));
    }

    @Test
    void readsEveryShorthandAsACountOfOne() {
        assertThat(Timeframe.parse("this_minute")).isEqualTo(new Relative(THIS, 1, MINUTE));
        assertThat(Timeframe.parse("this_hour")).isEqualTo(new Relative(THIS, 1, HOUR));
        assertThat(Timeframe.parse("this_day")).isEqualTo(new Relative(THIS, 1, DAY));
        assertThat(Timeframe.parse("today")).isEqualTo(new Relative(THIS, 1, DAY));
        assertThat(Timeframe.parse("this_week")).isEqualTo(new Relative(THIS, 1, WEEK));
        assertThat(Timeframe.parse("this_month")).isEqualTo(new Relative(THIS, 1, MONTH));
        assertThat(Timeframe.parse("this_year")).isEqualTo(new Relative(THIS, 1, YEAR));
        assertThat(Timeframe.parse("previous_minute")).isEqualTo(new Relative(PREVIOUS, 1, MINUTE));
        assertThat(Timeframe.parse("previous_hour")).isEqualTo(new Relative(PREVIOUS, 1, HOUR));
        assertThat(Timeframe.parse("previous_day")).isEqualTo(new Relative(PREVIOUS, 1, DAY));
        assertThat(Timeframe.parse("yesterday")).isEqualTo(new Relative(PREVIOUS, 1, DAY));
        assertThat(Timeframe.parse("previous_week")).isEqualTo(new Relative(PREVIOUS, 1, WEEK));
        assertThat(Timeframe.parse("previous_month")).isEqualTo(new Relative(PREVIOUS, 1, MONTH));
        assertThat(Timeframe.parse("previous_year")).isEqualTo(new Relative(PREVIOUS, 1, YEAR));
    }

    @Test
    void writesRelativeTimeframesInKeenSpelling() {
        assertThat(new Relative(THIS, 7, DAY)).hasToString("this_7_days");
        assertThat(new Relative(PREVIOUS, 1, MONTH)).hasToString("previous_1_month");
    }

    @Test
    void readsAnAbsoluteObjectWithZuluTimestamps() {
        assertThat(Timeframe.parse("{\"start\": \"2024-01-02T03:04:05.000Z\", \"end\": \"2024-01-03T00:00:00Z\"}"))
                .isEqualTo(absolute("2024-01-02T03:04:05Z", "2024-01-03T00:00:00Z"));
    }

    @Test
    void readsTimestampsWithOffsetsAsTheInstantTheyName() {
        assertThat(Timeframe.absolute("2024-01-02T05:04:05+02:00", "2024-01-02T20:00:00-05:00"))
                .isEqualTo(absolute("2024-01-02T03:04:05Z", "2024-01-03T01:00:00Z"));
        assertThat(Timeframe.absolute("2024-01-02T10:30:00+0530", "2024-01-02T06:00:00.123456+00:00"))
                .isEqualTo(absolute("2024-01-02T05:00:00Z", "2024-01-02T06:00:00.123456Z"));
    }

    @Test
    void readsZonelessTimestampsInUtc() {
        assertThat(Timeframe.absolute("2024-01-02T03:04:05", "2024-01-02T03:05"))
                .isEqualTo(absolute("2024-01-02T03:04:05Z", "2024-01-02T03:05:00Z"));
    }

    @Test
    void readsADateAloneAsItsMidnightInUtc() {
        assertThat(Timeframe.parse("{\"start\": \"2024-01-02\", \"end\": \"2024-02-01\"}"))
                .isEqualTo(absolute("2024-01-02T00:00:00Z", "2024-02-01T00:00:00Z"));
    }

    @Test
    void anAbsoluteTimeframeResolvesToItselfWhateverTheClockAndZone() {
        Timeframe timeframe = Timeframe.absolute("2024-01-02T00:00:00Z", "2024-01-03T00:00:00Z");
        assertThat(timeframe.resolve(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.ofHours(-8), DayOfWeek.MONDAY))
                .isEqualTo(new TimeRange(Instant.parse("2024-01-02T00:00:00Z"), Instant.parse("2024-01-03T00:00:00Z")));
    }

    @Test
    void rejectsMissingAndBlankText() {
        assertRejected(() -> Timeframe.parse(null));
        assertRejected(() -> Timeframe.parse(""));
        assertRejected(() -> Timeframe.parse("   "));
    }

    @Test
    void rejectsAZeroOrOversizedCount() {
        assertRejected(() -> Timeframe.parse("this_0_days"));
        assertRejected(() -> Timeframe.parse("previous_0_hours"));
        assertRejected(() -> Timeframe.parse("this_99999999999_days"));
        assertRejected(() -> new Relative(THIS, 0, DAY));
        assertRejected(() -> new Relative(PREVIOUS, -1, DAY));
    }

    @Test
    void rejectsUnknownUnitsAnchorsAndGarbage() {
        assertRejected(() -> Timeframe.parse("this_7_fortnights"));
        assertRejected(() -> Timeframe.parse("last_7_days"));
        assertRejected(() -> Timeframe.parse("this_-7_days"));
        assertRejected(() -> Timeframe.parse("this_days"));
        assertRejected(() -> Timeframe.parse("previous_weeks"));
        assertRejected(() -> Timeframe.parse("tomorrow"));
        assertRejected(() -> Timeframe.parse("7 days"));
    }

    @Test
    void theRejectionQuotesTheTextAndSaysWhatIsAccepted() {
        assertThatThrownBy(() -> Timeframe.parse("last_7_days"))
                .hasMessageContaining("\"last_7_days\"")
                .hasMessageContaining("this_N_units")
                .hasMessageContaining("previous_N_units")
                .hasMessageContaining("minutes, hours, days, weeks, months, years")
                .hasMessageContaining("start");
    }

    @Test
    void rejectsMalformedAbsoluteObjects() {
        assertRejected(() -> Timeframe.parse("{\"start\": \"2024-01-02\""));
        assertRejected(() -> Timeframe.parse("{\"start\": \"2024-01-02\"}"));
        assertRejected(() -> Timeframe.parse("{\"end\": \"2024-01-02\"}"));
        assertRejected(() -> Timeframe.parse("{\"start\": 1704153600, \"end\": \"2024-01-03\"}"));
        assertRejected(() -> Timeframe.parse("{\"start\": \"soon\", \"end\": \"2024-01-03\"}"));
        assertRejected(() -> Timeframe.parse("{\"start\": \"2024-02-30\", \"end\": \"2024-03-03\"}"));
        assertRejected(() -> Timeframe.parse("[\"2024-01-02\", \"2024-01-03\"]"));
    }

    @Test
    void rejectsAbsoluteTimeframesThatEndAtOrBeforeTheyStart() {
        assertRejected(() -> Timeframe.absolute("2024-01-02T00:00:00Z", "2024-01-02T00:00:00Z"));
        assertRejected(() -> Timeframe.absolute("2024-01-02T00:00:00Z", "2024-01-01T00:00:00Z"));
        // The same instant written in two offsets is still an empty range.
        assertRejected(() -> Timeframe.absolute("2024-01-02T02:00:00+02:00", "2024-01-02T00:00:00Z"));
    }

    @Test
    void rejectsMissingOrUnreadableAbsoluteTimestamps() {
        assertRejected(() -> Timeframe.absolute(null, "2024-01-02"));
        assertRejected(() -> Timeframe.absolute("2024-01-02", " "));
        assertRejected(() -> Timeframe.absolute("yesterday", "2024-01-02"));
        assertRejected(() -> Timeframe.absolute("2024-01-02T25:00:00Z", "2024-01-03"));
        assertThatThrownBy(() -> Timeframe.absolute("01/02/2024", "2024-01-03"))
                .hasMessageContaining("\"01/02/2024\"")
                .hasMessageContaining("ISO-8601");
    }

    @Test
    void rejectsAResolutionBeyondTheSupportedDates() {
        Timeframe farBack = new Relative(PREVIOUS, Integer.MAX_VALUE, YEAR);
        assertRejected(() -> farBack.resolve(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC, DayOfWeek.SUNDAY));
    }

    private static Absolute absolute(String start, String end) {
        return new Absolute(Instant.parse(start), Instant.parse(end));
    }

    private static void assertRejected(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TIMEFRAME);
            assertThat(e.field()).contains("timeframe");
        });
    }
}
