package io.cairn.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeZonesTest {

    @Test
    void readsIanaNamesInAnyCase() {
        assertThat(TimeZones.parse("America/New_York")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(TimeZones.parse("Europe/Paris")).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(TimeZones.parse("UTC")).isEqualTo(ZoneId.of("UTC"));
        assertThat(TimeZones.parse(" america/new_york ")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(TimeZones.parse("asia/kolkata")).isEqualTo(ZoneId.of("Asia/Kolkata"));
    }

    @Test
    void readsOffsetsInSecondsAsKeenSendsThem() {
        assertThat(TimeZones.parse("-28800")).isEqualTo(ZoneOffset.ofHours(-8));
        assertThat(TimeZones.parse("3600")).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(TimeZones.parse("+3600")).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(TimeZones.parse("19800")).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
        assertThat(TimeZones.parse("0")).isEqualTo(ZoneOffset.UTC);
        assertThat(TimeZones.parse("64800")).isEqualTo(ZoneOffset.ofHours(18));
        assertThat(TimeZones.parse("-64800")).isEqualTo(ZoneOffset.ofHours(-18));
    }

    @Test
    void anOffsetInSecondsIsAFixedZoneWithoutDaylightSaving() {
        ZoneId zone = TimeZones.parse("-18000");
        assertThat(zone.getRules().getOffset(Instant.parse("2024-07-01T12:00:00Z"))).isEqualTo(ZoneOffset.ofHours(-5));
        assertThat(zone.getRules().getOffset(Instant.parse("2024-01-01T12:00:00Z"))).isEqualTo(ZoneOffset.ofHours(-5));
    }

    @Test
    void nullOrBlankMeansUtc() {
        assertThat(TimeZones.parse(null)).isEqualTo(ZoneOffset.UTC);
        assertThat(TimeZones.parse("")).isEqualTo(ZoneOffset.UTC);
        assertThat(TimeZones.parse("  ")).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void rejectsOffsetsBeyondEighteenHours() {
        assertRejected("64801");
        assertRejected("-64801");
        assertRejected("9999999999");
        assertRejected("99999999999");
    }

    @Test
    void rejectsUnknownNamesAndGarbage() {
        assertRejected("Mars/Olympus_Mons");
        assertRejected("12abc");
        assertRejected("--3600");
        assertRejected("3600.5");
    }

    @Test
    void theRejectionQuotesTheValueAndSaysWhatIsAccepted() {
        assertThatThrownBy(() -> TimeZones.parse("Mars/Olympus_Mons"))
                .hasMessageContaining("\"Mars/Olympus_Mons\"")
                .hasMessageContaining("America/New_York")
                .hasMessageContaining("-28800");
    }

    private static void assertRejected(String text) {
        assertThatThrownBy(() -> TimeZones.parse(text))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TIMEZONE);
                    assertThat(e.field()).contains("timezone");
                });
    }
}
