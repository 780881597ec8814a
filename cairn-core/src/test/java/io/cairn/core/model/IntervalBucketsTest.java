package io.cairn.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every expectation is an instant worked out by hand; 2024-05-15 is a Wednesday. */
class IntervalBucketsTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void theFirstBucketStartsOnTheUnitBoundaryAndTheLastIsClippedToTheRange() {
        assertThat(buckets("daily", "2024-05-14T10:00:00Z", "2024-05-16T12:00:00Z", UTC)).containsExactly(
                range("2024-05-14T00:00:00Z", "2024-05-15T00:00:00Z"),
                range("2024-05-15T00:00:00Z", "2024-05-16T00:00:00Z"),
                range("2024-05-16T00:00:00Z", "2024-05-16T12:00:00Z"));
    }

    @Test
    void aRangeEndingOnABoundaryHasNoEmptyLastBucket() {
        assertThat(buckets("hourly", "2024-05-15T10:00:00Z", "2024-05-15T12:00:00Z", UTC)).containsExactly(
                range("2024-05-15T10:00:00Z", "2024-05-15T11:00:00Z"),
                range("2024-05-15T11:00:00Z", "2024-05-15T12:00:00Z"));
    }

    @Test
    void dailyBucketsLast23And25HoursAcrossNewYorkShifts() {
        assertThat(buckets("daily", "2024-03-09T05:00:00Z", "2024-03-12T04:00:00Z", NEW_YORK)).containsExactly(
                range("2024-03-09T05:00:00Z", "2024-03-10T05:00:00Z"),
                range("2024-03-10T05:00:00Z", "2024-03-11T04:00:00Z"),
                range("2024-03-11T04:00:00Z", "2024-03-12T04:00:00Z"));
        assertThat(buckets("daily", "2024-11-03T04:00:00Z", "2024-11-05T05:00:00Z", NEW_YORK)).containsExactly(
                range("2024-11-03T04:00:00Z", "2024-11-04T05:00:00Z"),
                range("2024-11-04T05:00:00Z", "2024-11-05T05:00:00Z"));
    }

    @Test
    void dailyBucketsFollowParisAcrossFallBack() {
        assertThat(buckets("daily", "2024-10-27T12:00:00Z", "2024-10-28T23:00:00Z", PARIS)).containsExactly(
                range("2024-10-26T22:00:00Z", "2024-10-27T23:00:00Z"),
                range("2024-10-27T23:00:00Z", "2024-10-28T23:00:00Z"));
    }

    @Test
    void hourlyBucketsSkipTheMissingHourOnSpringForward() {
        List<TimeRange> hours = buckets("hourly", "2024-03-10T05:00:00Z", "2024-03-11T04:00:00Z", NEW_YORK);
        assertThat(hours).hasSize(23).allSatisfy(hour -> assertThat(duration(hour)).isEqualTo(Duration.ofHours(1)));
        // 01:00 EST is 06:00Z; the next local hour is 03:00 EDT, 07:00Z.
        assertThat(hours.get(1)).isEqualTo(range("2024-03-10T06:00:00Z", "2024-03-10T07:00:00Z"));
        assertThat(hours.get(2)).isEqualTo(range("2024-03-10T07:00:00Z", "2024-03-10T08:00:00Z"));
        assertThat(buckets("hourly", "2024-03-30T23:00:00Z", "2024-03-31T22:00:00Z", PARIS)).hasSize(23);
    }

    @Test
    void hourlyBucketsRepeatTheDoubledHourOnFallBack() {
        List<TimeRange> hours = buckets("hourly", "2024-11-03T04:00:00Z", "2024-11-04T05:00:00Z", NEW_YORK);
        assertThat(hours).hasSize(25).allSatisfy(hour -> assertThat(duration(hour)).isEqualTo(Duration.ofHours(1)));
        // Local 01:00 starts a bucket twice: at 05:00Z (EDT) and at 06:00Z (EST).
        assertThat(hours.get(1)).isEqualTo(range("2024-11-03T05:00:00Z", "2024-11-03T06:00:00Z"));
        assertThat(hours.get(2)).isEqualTo(range("2024-11-03T06:00:00Z", "2024-11-03T07:00:00Z"));
        assertThat(buckets("hourly", "2024-10-26T22:00:00Z", "2024-10-27T23:00:00Z", PARIS)).hasSize(25);
        assertThat(buckets("hourly", "2024-11-03T06:20:00Z", "2024-11-03T07:00:00Z", NEW_YORK))
                .containsExactly(range("2024-11-03T06:00:00Z", "2024-11-03T07:00:00Z"));
    }

    @Test
    void kolkataHourlyBucketsStartAtHalfPastInUtc() {
        assertThat(buckets("hourly", "2024-05-15T13:45:00Z", "2024-05-15T15:00:00Z", ZoneId.of("Asia/Kolkata")))
                .containsExactly(
                        range("2024-05-15T13:30:00Z", "2024-05-15T14:30:00Z"),
                        range("2024-05-15T14:30:00Z", "2024-05-15T15:00:00Z"));
    }

    @Test
    void anOffsetInSecondsMovesDailyBoundaries() {
        assertThat(buckets("daily", "2024-05-15T00:00:00Z", "2024-05-16T00:00:00Z", TimeZones.parse("-28800")))
                .containsExactly(
                        range("2024-05-14T08:00:00Z", "2024-05-15T08:00:00Z"),
                        range("2024-05-15T08:00:00Z", "2024-05-16T00:00:00Z"));
    }

    @Test
    void everySixHoursStartsAtSixHourMultiplesOfLocalMidnight() {
        assertThat(buckets("every_6_hours", "2024-05-15T07:30:00Z", "2024-05-16T01:00:00Z", UTC)).containsExactly(
                range("2024-05-15T06:00:00Z", "2024-05-15T12:00:00Z"),
                range("2024-05-15T12:00:00Z", "2024-05-15T18:00:00Z"),
                range("2024-05-15T18:00:00Z", "2024-05-16T00:00:00Z"),
                range("2024-05-16T00:00:00Z", "2024-05-16T01:00:00Z"));
    }

    @Test
    void everySixHoursKeepsLocalClockTimesAcrossNewYorkShifts() {
        // Spring forward: 00:00 EST, then 06:00, 12:00 and 18:00 EDT; the first bucket is 5 hours long.
        assertThat(buckets("every_6_hours", "2024-03-10T05:00:00Z", "2024-03-11T04:00:00Z", NEW_YORK))
                .containsExactly(
                        range("2024-03-10T05:00:00Z", "2024-03-10T10:00:00Z"),
                        range("2024-03-10T10:00:00Z", "2024-03-10T16:00:00Z"),
                        range("2024-03-10T16:00:00Z", "2024-03-10T22:00:00Z"),
                        range("2024-03-10T22:00:00Z", "2024-03-11T04:00:00Z"));
        // Fall back: 00:00 EDT, then 06:00, 12:00 and 18:00 EST; the first bucket is 7 hours long.
        assertThat(buckets("every_6_hours", "2024-11-03T04:00:00Z", "2024-11-04T05:00:00Z", NEW_YORK))
                .containsExactly(
                        range("2024-11-03T04:00:00Z", "2024-11-03T11:00:00Z"),
                        range("2024-11-03T11:00:00Z", "2024-11-03T17:00:00Z"),
                        range("2024-11-03T17:00:00Z", "2024-11-03T23:00:00Z"),
                        range("2024-11-03T23:00:00Z", "2024-11-04T05:00:00Z"));
    }

    @Test
    void everyTwoHoursResumesWhenTheClockJumpsOverABoundary() {
        // Local 02:00 never happens on 2024-03-10; the bucket it would start starts when the clock reads 03:00.
        assertThat(buckets("every_2_hours", "2024-03-10T05:00:00Z", "2024-03-10T10:00:00Z", NEW_YORK))
                .containsExactly(
                        range("2024-03-10T05:00:00Z", "2024-03-10T07:00:00Z"),
                        range("2024-03-10T07:00:00Z", "2024-03-10T08:00:00Z"),
                        range("2024-03-10T08:00:00Z", "2024-03-10T10:00:00Z"));
        // On 2024-11-03 the clock never reads 02:00 EDT; 00:00 EDT to 02:00 EST is 3 hours.
        assertThat(buckets("every_2_hours", "2024-11-03T04:00:00Z", "2024-11-03T09:00:00Z", NEW_YORK))
                .containsExactly(
                        range("2024-11-03T04:00:00Z", "2024-11-03T07:00:00Z"),
                        range("2024-11-03T07:00:00Z", "2024-11-03T09:00:00Z"));
    }

    @Test
    void minuteBucketsCountFromLocalMidnight() {
        assertThat(buckets("every_15_minutes", "2024-05-15T13:07:00Z", "2024-05-15T13:50:00Z", UTC)).containsExactly(
                range("2024-05-15T13:00:00Z", "2024-05-15T13:15:00Z"),
                range("2024-05-15T13:15:00Z", "2024-05-15T13:30:00Z"),
                range("2024-05-15T13:30:00Z", "2024-05-15T13:45:00Z"),
                range("2024-05-15T13:45:00Z", "2024-05-15T13:50:00Z"));
        assertThat(buckets("every_90_minutes", "2024-05-15T02:00:00Z", "2024-05-15T05:00:00Z", UTC)).containsExactly(
                range("2024-05-15T01:30:00Z", "2024-05-15T03:00:00Z"),
                range("2024-05-15T03:00:00Z", "2024-05-15T04:30:00Z"),
                range("2024-05-15T04:30:00Z", "2024-05-15T05:00:00Z"));
    }

    @Test
    void everyTwoDaysCountsFromTheRangesFirstDay() {
        assertThat(buckets("every_2_days", "2024-05-15T12:00:00Z", "2024-05-20T00:00:00Z", UTC)).containsExactly(
                range("2024-05-15T00:00:00Z", "2024-05-17T00:00:00Z"),
                range("2024-05-17T00:00:00Z", "2024-05-19T00:00:00Z"),
                range("2024-05-19T00:00:00Z", "2024-05-20T00:00:00Z"));
    }

    @Test
    void weeklyBucketsStartOnTheGivenWeekStart() {
        assertThat(buckets("weekly", "2024-05-15T00:00:00Z", "2024-05-30T00:00:00Z", UTC)).containsExactly(
                range("2024-05-12T00:00:00Z", "2024-05-19T00:00:00Z"),
                range("2024-05-19T00:00:00Z", "2024-05-26T00:00:00Z"),
                range("2024-05-26T00:00:00Z", "2024-05-30T00:00:00Z"));
        assertThat(Interval.parse("weekly").buckets(range("2024-05-15T00:00:00Z", "2024-05-30T00:00:00Z"), UTC,
                DayOfWeek.MONDAY, Interval.MAX_BUCKETS)).containsExactly(
                        range("2024-05-13T00:00:00Z", "2024-05-20T00:00:00Z"),
                        range("2024-05-20T00:00:00Z", "2024-05-27T00:00:00Z"),
                        range("2024-05-27T00:00:00Z", "2024-05-30T00:00:00Z"));
        assertThat(buckets("every_2_weeks", "2024-05-15T00:00:00Z", "2024-05-30T00:00:00Z", UTC)).containsExactly(
                range("2024-05-12T00:00:00Z", "2024-05-26T00:00:00Z"),
                range("2024-05-26T00:00:00Z", "2024-05-30T00:00:00Z"));
    }

    @Test
    void monthlyBucketsHaveTheirCalendarLengths() {
        assertThat(buckets("monthly", "2024-01-15T00:00:00Z", "2024-04-10T00:00:00Z", UTC)).containsExactly(
                range("2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z"),
                range("2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z"),
                range("2024-03-01T00:00:00Z", "2024-04-01T00:00:00Z"),
                range("2024-04-01T00:00:00Z", "2024-04-10T00:00:00Z"));
        // New York months start at local midnight: EST in March, EDT from April.
        assertThat(buckets("monthly", "2024-03-15T00:00:00Z", "2024-04-15T00:00:00Z", NEW_YORK)).containsExactly(
                range("2024-03-01T05:00:00Z", "2024-04-01T04:00:00Z"),
                range("2024-04-01T04:00:00Z", "2024-04-15T00:00:00Z"));
    }

    @Test
    void everyThreeMonthsGivesCalendarQuartersAcrossTheYear() {
        assertThat(buckets("every_3_months", "2024-05-15T00:00:00Z", "2025-02-01T00:00:00Z", UTC)).containsExactly(
                range("2024-04-01T00:00:00Z", "2024-07-01T00:00:00Z"),
                range("2024-07-01T00:00:00Z", "2024-10-01T00:00:00Z"),
                range("2024-10-01T00:00:00Z", "2025-01-01T00:00:00Z"),
                range("2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z"));
    }

    @Test
    void yearlyBucketsCrossYearBoundaries() {
        assertThat(buckets("yearly", "2023-06-01T00:00:00Z", "2025-03-01T00:00:00Z", UTC)).containsExactly(
                range("2023-01-01T00:00:00Z", "2024-01-01T00:00:00Z"),
                range("2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z"),
                range("2025-01-01T00:00:00Z", "2025-03-01T00:00:00Z"));
    }

    @Test
    void allowsExactlyTheBucketLimit() {
        assertThat(Interval.MAX_BUCKETS).isEqualTo(2500);
        // 2,500 minutes is 41 hours 40 minutes.
        assertThat(buckets("minutely", "2024-05-15T00:00:00Z", "2024-05-16T17:40:00Z", UTC)).hasSize(2500);
    }

    @Test
    void rejectsMoreBucketsThanTheLimitNamingTheIntervalField() {
        assertThatThrownBy(() -> buckets("minutely", "2024-05-15T00:00:00Z", "2024-05-16T17:41:00Z", UTC))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.TOO_MANY_BUCKETS);
                    assertThat(e.field()).contains("interval");
                    assertThat(e.getMessage()).contains("2500");
                });
        assertThatThrownBy(() -> Interval.parse("daily").buckets(range("2024-05-01T00:00:00Z", "2024-05-04T12:00:00Z"),
                        UTC, Timeframe.KEEN_WEEK_START, 3))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.TOO_MANY_BUCKETS);
                    assertThat(e.getMessage()).contains("3 buckets");
                });
    }

    @Test
    void resolvedRelativeTimeframesSplitIntoWholeBuckets() {
        TimeRange lastWeek = Timeframe.parse("previous_7_days")
                .resolve(Instant.parse("2024-03-12T15:00:00Z"), NEW_YORK, Timeframe.KEEN_WEEK_START);
        List<TimeRange> days = Interval.parse("daily").buckets(lastWeek, NEW_YORK, Timeframe.KEEN_WEEK_START, 2500);
        assertThat(days).hasSize(7);
        assertThat(days.getFirst().start()).isEqualTo(lastWeek.start());
        assertThat(days.getLast().end()).isEqualTo(lastWeek.end());
        assertThat(days.stream().map(IntervalBucketsTest::duration).filter(d -> d.equals(Duration.ofHours(23))))
                .hasSize(1);
    }

    private static List<TimeRange> buckets(String interval, String start, String end, ZoneId zone) {
        return Interval.parse(interval).buckets(range(start, end), zone, Timeframe.KEEN_WEEK_START,
                Interval.MAX_BUCKETS);
    }

    private static TimeRange range(String start, String end) {
        return new TimeRange(Instant.parse(start), Instant.parse(end));
    }

    private static Duration duration(TimeRange range) {
        return Duration.between(range.start(), range.end());
    }
}
