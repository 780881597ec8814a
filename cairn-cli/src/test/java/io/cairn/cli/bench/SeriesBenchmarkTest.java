package io.cairn.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeriesBenchmarkTest {

    @Test
    void aMultiWriteBodyHoldsEveryPointOfItsMinutesAsTempoDbItems() throws IOException {
        SeriesBenchmark.Plan plan = new SeriesBenchmark.Plan(3, 31, 6, 1);
        SeriesBenchmark benchmark = new SeriesBenchmark(plan, Duration.ZERO, new PrintWriter(new StringWriter()));
        long lastMinute = 31L * 1440 - 1;

        byte[] body = benchmark.multiBody(lastMinute - 1, 5);

        JsonNode items = new ObjectMapper().readTree(body);
        assertThat(items.size()).as("only the minutes the plan has").isEqualTo(2 * 3);
        for (int i = 0; i < items.size(); i++) {
            long minute = lastMinute - 1 + i / 3;
            int series = i % 3;
            JsonNode item = items.get(i);
            assertThat(item.get("t").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00\\.000Z");
            assertThat(Instant.parse(item.get("t").asText())).isEqualTo(SeriesBenchmark.START.plusSeconds(minute * 60));
            assertThat(item.get("key").asText()).isEqualTo(SeriesBenchmark.key(series));
            double expected = Math.round(1000 * Math.sin(minute / 60.0 + series) + series) / 10.0;
            assertThat(item.get("v").asDouble()).isEqualTo(expected);
            assertThat(item.get("v").toString()).isEqualTo(Double.toString(expected));
        }
    }

    @Test
    void negativeAndSmallValuesAreWrittenAsJavaPrintsThem() throws IOException {
        SeriesBenchmark.Plan plan = new SeriesBenchmark.Plan(200, 31, 10_000, 1);
        SeriesBenchmark benchmark = new SeriesBenchmark(plan, Duration.ZERO, new PrintWriter(new StringWriter()));
        JsonNode items = new ObjectMapper().readTree(benchmark.multiBody(0, 50));
        boolean sawNegative = false;
        boolean sawBelowOne = false;
        for (int i = 0; i < items.size(); i++) {
            long minute = i / 200;
            int series = i % 200;
            double expected = Math.round(1000 * Math.sin(minute / 60.0 + series) + series) / 10.0;
            assertThat(items.get(i).get("v").toString()).isEqualTo(Double.toString(expected));
            sawNegative |= expected < 0;
            sawBelowOne |= Math.abs(expected) < 1;
        }
        assertThat(sawNegative).isTrue();
        assertThat(sawBelowOne).isTrue();
    }
}
