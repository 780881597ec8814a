package io.cairn.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Every expectation is an instant worked out by hand; 2024-05-15 is a Wednesday. */
class TimeframeResolveTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String NOW = "2024-05-15T13:45:30Z";

    @Test
    void keenWeeksStartOnSunday() {
        assertThat(Timeframe.KEEN_WEEK_START).isEqualTo(DayOfWeek.SUNDAY);
    }

    @Test
    void thisIncludesTheCurrentPartialUnitUpToNow() {
        assertResolves("this_2_days", NOW, UTC, "2024-05-14T00:00:00Z", NOW);
        assertResolves("this_minute", NOW, UTC, "2024-05-15T13:45:00Z", NOW);
        assertResolves("this_hour", NOW, UTC, "2024-05-15T13:00:00Z", NOW);
        assertResolves("this_3_hours", NOW, UTC, "2024-05-15T11:00:00Z", NOW);
        assertResolves("this_15_minutes", NOW, UTC, "2024-05-15T13:31:00Z", NOW);
        assertResolves("today", NOW, UTC, "2024-05-15T00:00:00Z", NOW);
        assertResolves("this_month", NOW, UTC, "2024-05-01T00:00:00Z", NOW);
        assertResolves("this_2_months", NOW, UTC, "2024-04-01T00:00:00Z", NOW);
        assertResolves("this_year", NOW, UTC, "2024-01-01T00:00:00Z", NOW);
    }

    @Test
    void previousCoversWholeCompletedUnitsBeforeTheCurrentOne() {
        assertResolves("previous_minute", NOW, UTC, "2024-05-15T13:44:00Z", "2024-05-15T13:45:00Z");
        assertResolves("previous_hour", NOW, UTC, "2024-05-15T12:00:00Z", "2024-05-15T13:00:00Z");
        assertResolves("previous_3_hours", NOW, UTC, "2024-05-15T10:00:00Z", "2024-05-15T13:00:00Z");
        assertResolves("previous_2_days", NOW, UTC, "2024-05-13T00:00:00Z", "2024-05-15T00:00:00Z");
        assertResolves("yesterday", NOW, UTC, "2024-05-14T00:00:00Z", "2024-05-15T00:00:00Z");
        assertResolves("previous_day", NOW, UTC, "2024-05-14T00:00:00Z", "2024-05-15T00:00:00Z");
        assertResolves("previous_month", NOW, UTC, "2024-04-01T00:00:00Z", "2024-05-01T00:00:00Z");
        assertResolves("previous_year", NOW, UTC, "2023-01-01T00:00:00Z", "2024-01-01T00:00:00Z");
        assertResolves("previous_2_years", NOW, UTC, "2022-01-01T00:00:00Z", "2024-01-01T00:00:00Z");
    }

    @Test
    void weeksStartOnSundayForKeen() {
        assertResolves("this_week", NOW, UTC, "2024-05-12T00:00:00Z", NOW);
        assertResolves("previous_week", NOW, UTC, "2024-05-05T00:00:00Z", "2024-05-12T00:00:00Z");
        assertResolves("this_2_weeks", NOW, UTC, "2024-05-05T00:00:00Z", NOW);
    }

    @Test
    void weeksStartOnMondayWhenAskedTo() {
        assertThat(resolve("this_week", NOW, UTC, DayOfWeek.MONDAY))
                .isEqualTo(range("2024-05-13T00:00:00Z", NOW));
        assertThat(resolve("previous_2_weeks", NOW, UTC, DayOfWeek.MONDAY))
                .isEqualTo(range("2024-04-29T00:00:00Z", "2024-05-13T00:00:00Z"));
    }

    @Test
    void previousMonthsHaveTheirCalendarLengths() {
        assertResolves("previous_month", "2024-03-10T12:00:00Z", UTC, "2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z");
        assertResolves("previous_month", "2023-03-10T12:00:00Z", UTC, "2023-02-01T00:00:00Z", "2023-03-01T00:00:00Z");
        assertResolves("previous_month", "2024-05-31T12:00:00Z", UTC, "2024-04-01T00:00:00Z", "2024-05-01T00:00:00Z");
        assertResolves("previous_3_months", NOW, UTC, "2024-02-01T00:00:00Z", "2024-05-01T00:00:00Z");
    }

    @Test
    void unitsCrossTheYearBoundary() {
        String newYear = "2024-01-01T00:30:00Z"; // a Monday
        assertResolves("yesterday", newYear, UTC, "2023-12-31T00:00:00Z", "2024-01-01T00:00:00Z");
        assertResolves("this_week", newYear, UTC, "2023-12-31T00:00:00Z", newYear);
        assertResolves("previous_week", newYear, UTC, "2023-12-24T00:00:00Z", "2023-12-31T00:00:00Z");
        assertResolves("previous_month", newYear, UTC, "2023-12-01T00:00:00Z", "2024-01-01T00:00:00Z");
        assertResolves("this_2_months", newYear, UTC, "2023-12-01T00:00:00Z", newYear);
        assertResolves("previous_hour", newYear, UTC, "2023-12-31T23:00:00Z", "2024-01-01T00:00:00Z");
    }

    @Test
    void thisOneUnitExactlyAtItsStartRunsToTheEndOfTheUnitSoItIsNeverEmpty() {
        String midnight = "2024-05-15T00:00:00Z";
        assertResolves("today", midnight, UTC, midnight, "2024-05-16T00:00:00Z");
        assertResolves("this_hour", midnight, UTC, midnight, "2024-05-15T01:00:00Z");
        assertResolves("this_month", "2024-02-01T00:00:00Z", UTC, "2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z");
        // With more than one unit the range is already non-empty, so it still ends at now.
        assertResolves("this_2_days", midnight, UTC, "2024-05-14T00:00:00Z", midnight);
    }

    @Test
    void daysFollowNewYorkAcrossSpringForward() {
        // 2024-03-10: clocks go from 02:00 EST (UTC-5) to 03:00 EDT (UTC-4) at 07:00Z; the day lasts 23 hours.
        assertResolves("today", "2024-03-10T18:00:00Z", NEW_YORK, "2024-03-10T05:00:00Z", "2024-03-10T18:00:00Z");
        assertResolves("yesterday", "2024-03-11T12:00:00Z", NEW_YORK, "2024-03-10T05:00:00Z", "2024-03-11T04:00:00Z");
        assertResolves("previous_2_days", "2024-03-11T12:00:00Z", NEW_YORK,
                "2024-03-09T05:00:00Z", "2024-03-11T04:00:00Z");
        assertResolves("this_2_days", "2024-03-11T12:00:00Z", NEW_YORK, "2024-03-10T05:00:00Z", "2024-03-11T12:00:00Z");
        assertThat(duration(resolve("yesterday", "2024-03-11T12:00:00Z", NEW_YORK))).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void daysFollowNewYorkAcrossFallBack() {
        // 2024-11-03: clocks go from 02:00 EDT (UTC-4) back to 01:00 EST (UTC-5) at 06:00Z; the day lasts 25 hours.
        assertResolves("yesterday", "2024-11-04T12:00:00Z", NEW_YORK, "2024-11-03T04:00:00Z", "2024-11-04T05:00:00Z");
        assertResolves("this_2_days", "2024-11-04T12:00:00Z", NEW_YORK, "2024-11-03T04:00:00Z", "2024-11-04T12:00:00Z");
        assertResolves("previous_3_days", "2024-11-04T12:00:00Z", NEW_YORK,
                "2024-11-01T04:00:00Z", "2024-11-04T05:00:00Z");
        assertThat(duration(resolve("yesterday", "2024-11-04T12:00:00Z", NEW_YORK))).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void hoursInTheRepeatedFallBackHourKeepTheirOwnPass() {
        // 01:20 happens twice on 2024-11-03 in New York: at 05:20Z (EDT) and at 06:20Z (EST).
        assertResolves("this_hour", "2024-11-03T05:20:00Z", NEW_YORK, "2024-11-03T05:00:00Z", "2024-11-03T05:20:00Z");
        assertResolves("this_hour", "2024-11-03T06:20:00Z", NEW_YORK, "2024-11-03T06:00:00Z", "2024-11-03T06:20:00Z");
        assertResolves("previous_hour", "2024-11-03T06:20:00Z", NEW_YORK,
                "2024-11-03T05:00:00Z", "2024-11-03T06:00:00Z");
    }

    @Test
    void daysFollowParisAcrossBothShifts() {
        // 2024-03-31: CET (UTC+1) to CEST (UTC+2) at 01:00Z. 2024-10-27: back to CET at 01:00Z.
        assertResolves("previous_2_days", "2024-04-01T10:00:00Z", PARIS,
                "2024-03-29T23:00:00Z", "2024-03-31T22:00:00Z");
        assertResolves("yesterday", "2024-04-01T10:00:00Z", PARIS, "2024-03-30T23:00:00Z", "2024-03-31T22:00:00Z");
        assertResolves("yesterday", "2024-10-28T10:00:00Z", PARIS, "2024-10-26T22:00:00Z", "2024-10-27T23:00:00Z");
        assertResolves("this_2_days", "2024-10-28T10:00:00Z", PARIS, "2024-10-26T22:00:00Z", "2024-10-28T10:00:00Z");
    }

    @Test
    void monthsAndYearsStartAtLocalMidnight() {
        assertResolves("previous_month", NOW, NEW_YORK, "2024-04-01T04:00:00Z", "2024-05-01T04:00:00Z");
        // January 1 in New York is in EST, UTC-5.
        assertResolves("this_year", NOW, NEW_YORK, "2024-01-01T05:00:00Z", NOW);
        // Across the spring shift: February starts in CET, April in CEST.
        assertResolves("previous_2_months", "2024-04-15T12:00:00Z", PARIS,
                "2024-01-31T23:00:00Z", "2024-03-31T22:00:00Z");
    }

    @Test
    void anOffsetInSecondsShiftsLocalMidnight() {
        ZoneId minusEight = TimeZones.parse("-28800");
        // 05:00Z is 21:00 the day before at UTC-8.
        assertResolves("today", "2024-05-15T05:00:00Z", minusEight, "2024-05-14T08:00:00Z", "2024-05-15T05:00:00Z");
        assertResolves("yesterday", "2024-05-15T05:00:00Z", minusEight, "2024-05-13T08:00:00Z", "2024-05-14T08:00:00Z");
    }

    @Test
    void kolkataHoursStartAtHalfPastInUtc() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata"); // UTC+05:30; 13:45Z is 19:15 local
        assertResolves("this_hour", "2024-05-15T13:45:00Z", kolkata, "2024-05-15T13:30:00Z", "2024-05-15T13:45:00Z");
        assertResolves("previous_2_hours", "2024-05-15T13:45:00Z", kolkata,
                "2024-05-15T11:30:00Z", "2024-05-15T13:30:00Z");
        assertResolves("today", "2024-05-15T13:45:00Z", kolkata, "2024-05-14T18:30:00Z", "2024-05-15T13:45:00Z");
    }

    private static void assertResolves(String timeframe, String now, ZoneId zone, String start, String end) {
        assertThat(resolve(timeframe, now, zone)).isEqualTo(range(start, end));
    }

    private static TimeRange resolve(String timeframe, String now, ZoneId zone) {
        return resolve(timeframe, now, zone, Timeframe.KEEN_WEEK_START);
    }

    private static TimeRange resolve(String timeframe, String now, ZoneId zone, DayOfWeek weekStart) {
        return Timeframe.parse(timeframe).resolve(Instant.parse(now), zone, weekStart);
    }

    private static TimeRange range(String start, String end) {
        return new TimeRange(Instant.parse(start), Instant.parse(end));
    }

    private static Duration duration(TimeRange range) {
        return Duration.between(range.start(), range.end());
    }
}
