package io.cairn.core.model;

import static io.cairn.core.model.CalendarUnit.DAY;
import static io.cairn.core.model.CalendarUnit.HOUR;
import static io.cairn.core.model.CalendarUnit.MINUTE;
import static io.cairn.core.model.CalendarUnit.MONTH;
import static io.cairn.core.model.CalendarUnit.WEEK;
import static io.cairn.core.model.CalendarUnit.YEAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

class IntervalTest {

    @Test
    void readsKeenNamesAsOneUnit() {
        assertThat(Interval.parse("minutely")).isEqualTo(Interval.of(1, MINUTE));
        assertThat(Interval.parse("hourly")).isEqualTo(Interval.of(1, HOUR));
        assertThat(Interval.parse("daily")).isEqualTo(Interval.of(1, DAY));
        assertThat(Interval.parse("weekly")).isEqualTo(Interval.of(1, WEEK));
        assertThat(Interval.parse("monthly")).isEqualTo(Interval.of(1, MONTH));
        assertThat(Interval.parse("yearly")).isEqualTo(Interval.of(1, YEAR));
    }

    @Test
    void readsEveryNUnitsPluralOrSingularInAnyCase() {
        assertThat(Interval.parse("every_6_hours")).isEqualTo(Interval.of(6, HOUR));
        assertThat(Interval.parse("every_1_day")).isEqualTo(Interval.of(1, DAY));
        assertThat(Interval.parse("every_2_weeks")).isEqualTo(Interval.of(2, WEEK));
        assertThat(Interval.parse("every_15_minutes")).isEqualTo(Interval.of(15, MINUTE));
        assertThat(Interval.parse("every_3_month")).isEqualTo(Interval.of(3, MONTH));
        assertThat(Interval.parse("every_2_years")).isEqualTo(Interval.of(2, YEAR));
        assertThat(Interval.parse(" Every_6_HOURS ")).isEqualTo(Interval.of(6, HOUR));
        assertThat(Interval.parse("DAILY")).isEqualTo(Interval.of(1, DAY));
    }

    @Test
    void keepsItsConstructorContract() {
        assertThatThrownBy(() -> Interval.of(0, DAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Interval.of(1, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void rejectsEverythingElseNamingTheIntervalField() {
        for (String text : new String[] {
            null, "", "  ", "every_0_hours", "every_-1_hours", "every__hours", "every_6_fortnights",
            "fortnightly", "every_hour", "6_hours", "every_99999999999_days", "every_6_hours_please"
        }) {
            assertThatThrownBy(() -> Interval.parse(text))
                    .as("interval %s", text)
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INTERVAL);
                        assertThat(e.field()).contains("interval");
                    });
        }
    }

    @Test
    void theRejectionQuotesTheTextAndSaysWhatIsAccepted() {
        assertThatThrownBy(() -> Interval.parse("fortnightly"))
                .hasMessageContaining("\"fortnightly\"")
                .hasMessageContaining("hourly")
                .hasMessageContaining("every_N_units")
                .hasMessageContaining("minutes, hours, days, weeks, months, years");
    }
}
