package io.cairn.core.storage.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.core.model.CalendarUnit;
import io.cairn.core.model.TimeRange;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dialect's SQL, run on a real DuckDB. */
class DuckDbDialectTest {

    @TempDir
    static Path dir;

    private static DuckDbDatabase db;
    private final DuckDbDialect dialect = DuckDbDialect.INSTANCE;

    @BeforeAll
    static void open() {
        db = DuckDbDatabase.open("dialect", dir.resolve("d.duckdb"), TestStorage.config(dir));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void quotingSurvivesQuotesInNames() {
        String name = "we\"ird name";
        String value = "it's";
        db.submit(s -> s.execute("CREATE TABLE " + dialect.quoteIdentifier(name) + " (v VARCHAR)", List.of())).join();
        db.submit(s -> s.execute("INSERT INTO " + dialect.quoteIdentifier(name) + " VALUES ("
                + dialect.quoteString(value) + ")", List.of())).join();
        assertThat(query("SELECT v FROM " + dialect.quoteIdentifier(name))).containsExactly(value);
    }

    @Test
    void dailyBucketsFollowTheZoneAcrossTheSpringDstShift() {
        // Europe/Paris moved from UTC+1 to UTC+2 at 2024-03-31 01:00 UTC; that day is 23 hours long.
        ZoneId paris = ZoneId.of("Europe/Paris");
        assertThat(bucket(CalendarUnit.DAY, "2024-03-31T12:00:00Z", paris)).isEqualTo("2024-03-30T23:00:00Z");
        assertThat(bucket(CalendarUnit.DAY, "2024-04-01T12:00:00Z", paris)).isEqualTo("2024-03-31T22:00:00Z");
        assertThat(bucket(CalendarUnit.DAY, "2024-03-31T12:00:00Z", ZoneOffset.UTC)).isEqualTo("2024-03-31T00:00:00Z");
    }

    @Test
    void theRepeatedHourOfAFallBackDayIsItsOwnBucket() {
        // New York repeats 01:00-02:00 on 2024-11-03: first at 05:00Z (EDT), again at 06:00Z (EST).
        ZoneId newYork = ZoneId.of("America/New_York");
        assertThat(bucket(CalendarUnit.HOUR, "2024-11-03T05:30:00Z", newYork)).isEqualTo("2024-11-03T05:00:00Z");
        assertThat(bucket(CalendarUnit.HOUR, "2024-11-03T06:30:00Z", newYork)).isEqualTo("2024-11-03T06:00:00Z");
        assertThat(bucket(CalendarUnit.HOUR, "2024-05-15T13:45:00Z", ZoneId.of("Asia/Kolkata")))
                .isEqualTo("2024-05-15T13:30:00Z");
    }

    @Test
    void aDayWhoseMidnightTheClockSkipsStartsWhenTheClockResumes() {
        // Santiago skipped from 00:00 (UTC-4) to 01:00 (UTC-3) on 2024-09-08, at 04:00Z.
        ZoneId santiago = ZoneId.of("America/Santiago");
        assertThat(bucket(CalendarUnit.DAY, "2024-09-08T15:00:00Z", santiago)).isEqualTo("2024-09-08T04:00:00Z");
        assertThat(bucket(CalendarUnit.DAY, "2024-09-08T03:59:00Z", santiago)).isEqualTo("2024-09-07T04:00:00Z");
        assertThat(bucket(CalendarUnit.MONTH, "2024-09-20T15:00:00Z", santiago)).isEqualTo("2024-09-01T04:00:00Z");
        assertThat(bucket(CalendarUnit.YEAR, "2024-11-20T15:00:00Z", santiago)).isEqualTo("2024-01-01T03:00:00Z");
    }

    @Test
    void weekMonthAndYearBuckets() {
        assertThat(bucket(CalendarUnit.WEEK, "2024-05-15T13:45:00Z", ZoneOffset.UTC, DayOfWeek.SUNDAY))
                .isEqualTo("2024-05-12T00:00:00Z");
        assertThat(bucket(CalendarUnit.WEEK, "2024-05-15T13:45:00Z", ZoneOffset.UTC, DayOfWeek.MONDAY))
                .isEqualTo("2024-05-13T00:00:00Z");
        assertThat(bucket(CalendarUnit.MONTH, "2024-05-15T13:45:00Z", ZoneId.of("America/New_York")))
                .isEqualTo("2024-05-01T04:00:00Z");
        assertThat(bucket(CalendarUnit.YEAR, "2024-05-15T13:45:00Z", ZoneOffset.ofHours(-5)))
                .isEqualTo("2024-01-01T05:00:00Z");
    }

    @Test
    void quantilesDeviationAndDistinctValues() {
        String values = "(VALUES (1.0), (2.0), (3.0), (4.0)) v(x)";
        assertThat(query("SELECT " + dialect.quantile("x", 0.5) + "::VARCHAR FROM " + values)).containsExactly("2.5");
        assertThat(query("SELECT round(" + dialect.standardDeviation("x") + ", 6)::VARCHAR FROM " + values))
                .containsExactly("1.118034");
        assertThat(query("SELECT " + dialect.distinctValuesJson("y") + " FROM (VALUES ('b'), ('a'), ('b')) v(y)"))
                .containsExactly("[\"a\",\"b\"]");
        assertThat(query("SELECT " + dialect.formatTimestamp(dialect.timestampLiteral(
                Instant.parse("2024-01-02T03:04:05.678Z"))))).containsExactly("2024-01-02T03:04:05.678Z");
    }

    @Test
    void distinctCountsIgnoreNulls() {
        String values = "(VALUES ('a'), ('b'), ('a'), (NULL)) v(x)";
        assertThat(query("SELECT " + dialect.countDistinct("x") + "::VARCHAR FROM " + values)).containsExactly("2");
        assertThat(query("SELECT " + dialect.approximateCountDistinct("x") + "::VARCHAR FROM " + values))
                .containsExactly("2");
    }

    private String bucket(CalendarUnit unit, String at, ZoneId zone) {
        return bucket(unit, at, zone, DayOfWeek.SUNDAY);
    }

    private String bucket(CalendarUnit unit, String at, ZoneId zone, DayOfWeek weekStart) {
        Instant instant = Instant.parse(at);
        TimeRange span = new TimeRange(instant.minus(Duration.ofDays(1)), instant.plus(Duration.ofDays(1)));
        String sql = "SELECT " + dialect.bucketStartMicros(unit, "t", zone, weekStart, span)
                + " FROM (SELECT ?::TIMESTAMP t)";
        long micros = db.read(s -> s.query(sql, List.of(Instant.parse(at)), r -> r.longValue(1))).getFirst();
        return Instant.ofEpochSecond(0, micros * 1000).toString();
    }

    private List<String> query(String sql) {
        return db.read(s -> s.query(sql, List.of(), r -> r.string(1)));
    }
}
