package io.cairn.core.storage.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.core.model.CalendarUnit;
import io.cairn.core.model.Interval;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
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
        assertThat(bucket(Interval.of(1, CalendarUnit.DAY), "2024-03-31T12:00:00Z", paris))
                .isEqualTo(Instant.parse("2024-03-30T23:00:00Z"));
        assertThat(bucket(Interval.of(1, CalendarUnit.DAY), "2024-04-01T12:00:00Z", paris))
                .isEqualTo(Instant.parse("2024-03-31T22:00:00Z"));
        assertThat(bucket(Interval.of(1, CalendarUnit.DAY), "2024-03-31T12:00:00Z", ZoneId.of("UTC")))
                .isEqualTo(Instant.parse("2024-03-31T00:00:00Z"));
    }

    @Test
    void hourWeekMonthAndYearBuckets() {
        ZoneId utc = ZoneId.of("UTC");
        assertThat(bucket(Interval.of(6, CalendarUnit.HOUR), "2024-05-15T13:45:00Z", utc))
                .isEqualTo(Instant.parse("2024-05-15T12:00:00Z"));
        assertThat(bucket(Interval.of(1, CalendarUnit.WEEK), "2024-05-15T13:45:00Z", utc))
                .isEqualTo(Instant.parse("2024-05-13T00:00:00Z"));
        assertThat(bucket(Interval.of(1, CalendarUnit.MONTH), "2024-05-15T13:45:00Z", ZoneId.of("America/New_York")))
                .isEqualTo(Instant.parse("2024-05-01T04:00:00Z"));
        assertThat(bucket(Interval.of(1, CalendarUnit.YEAR), "2024-05-15T13:45:00Z", utc))
                .isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void distinctCountsIgnoreNulls() {
        String values = "(VALUES ('a'), ('b'), ('a'), (NULL)) v(x)";
        assertThat(query("SELECT " + dialect.countDistinct("x") + "::VARCHAR FROM " + values)).containsExactly("2");
        assertThat(query("SELECT " + dialect.approximateCountDistinct("x") + "::VARCHAR FROM " + values))
                .containsExactly("2");
    }

    private Instant bucket(Interval interval, String at, ZoneId zone) {
        String sql = "SELECT epoch_ms(" + dialect.timeBucket(interval, "?::TIMESTAMP", zone) + ")";
        return db.read(s -> s.query(sql, List.of(Instant.parse(at)), r -> Instant.ofEpochMilli(r.longValue(1))))
                .getFirst();
    }

    private List<String> query(String sql) {
        return db.read(s -> s.query(sql, List.of(), r -> r.string(1)));
    }
}
