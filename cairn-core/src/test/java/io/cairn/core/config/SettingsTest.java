package io.cairn.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.core.model.DataSize;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private enum Format { TEXT, JSON_LINES }

    @Test
    void readsTypedValuesAndFallsBackToDefaults() {
        Settings s = Settings.of(Map.of("a.int", "42", "a.duration", "90s", "a.size", "64MB", "a.path", "/x/y",
                "a.choice", "json-lines"), "test");
        assertThat(s.integer("a.int", 1, 0, 100)).isEqualTo(42);
        assertThat(s.duration("a.duration", Duration.ZERO)).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.size("a.size", DataSize.ofBytes(0))).isEqualTo(DataSize.ofMegabytes(64));
        assertThat(s.path("a.path", Path.of("."))).isEqualTo(Path.of("/x/y"));
        assertThat(s.choice("a.choice", Format.TEXT)).isEqualTo(Format.JSON_LINES);
        assertThat(s.integer("missing", 7, 0, 10)).isEqualTo(7);
        assertThat(s.optionalString("missing")).isEmpty();
    }

    @Test
    void durationsAcceptShortAndIsoForms() {
        assertThat(Settings.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Settings.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Settings.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Settings.parseDuration("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Settings.parseDuration("PT30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Settings.parseDuration("soon")).isNull();
        for (String text : new String[] {"500ms", "30s", "5m", "2h", "1d"}) {
            assertThat(Settings.format(Settings.parseDuration(text))).isEqualTo(text);
        }
    }

    @Test
    void aBadValueNamesKeyValueSourceAndExpectation() {
        Settings s = Settings.of(Map.of("http.port", "eighty"), "environment CAIRN_HTTP_PORT");
        assertThatThrownBy(() -> s.integer("http.port", 8080, 0, 65535))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid configuration http.port=eighty (from environment CAIRN_HTTP_PORT): expected an"
                        + " integer from 0 to 65535");
    }

    @Test
    void outOfRangeAndUnknownChoicesAreRejected() {
        Settings s = Settings.of(Map.of("n", "70000", "c", "xml"), "test");
        assertThatThrownBy(() -> s.integer("n", 1, 0, 65535)).hasMessageContaining("from 0 to 65535");
        assertThatThrownBy(() -> s.choice("c", Format.TEXT)).hasMessageContaining("one of text, json-lines");
    }

    @Test
    void keysNobodyReadAreReported() {
        Settings s = Settings.of(Map.of("http.port", "1", "htp.bind", "x"), "test");
        s.integer("http.port", 8080, 0, 65535);
        assertThat(s.unreadKeys()).containsExactly("htp.bind");
    }
}
