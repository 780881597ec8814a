package io.cairn.server.dialect.tempodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.cairn.server.http.WireTime;
import io.cairn.server.testing.CairnServerExtension;
import io.cairn.server.testing.TestResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The text of DataSets, byte for byte: the points are written next to the JSON generator, and must read exactly as
 * the generator would have written them, whatever the values and however many buffers an answer fills.
 */
class TempoDbDataTextIT {

    @RegisterExtension
    static final CairnServerExtension server = new CairnServerExtension();

    private static final JsonFactory FAST_WRITER = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
    private static final Instant START = Instant.parse("2012-01-01T00:00:00Z");
    private static final String DAY = "start=2012-01-01T00:00:00&end=2012-01-02T00:00:00";
    private static final double[] UNUSUAL = {0.1, -0.0, 0.0, 1e-7, 1e21, 100, -69.9, 1e300, -4.9e-324,
        0.30000000000000004, 9_999_999.999_999_998, 1e7, 0.001};

    private TempoDbCalls calls;

    @BeforeEach
    void setUp() {
        calls = new TempoDbCalls(server.http(), server.newProject());
    }

    @Test
    void manyPointsReadAsTheGeneratorWritesThem() throws IOException {
        Random random = new Random(7);
        StringBuilder sent = new StringBuilder("[");
        StringWriter expected = new StringWriter();
        try (JsonGenerator json = FAST_WRITER.createGenerator(expected)) {
            json.writeStartArray();
            for (int i = 0; i < 6_000; i++) {
                Instant t = START.plusMillis(i * 7_001L);
                double v = i < UNUSUAL.length ? UNUSUAL[i]
                        : Math.round(random.nextGaussian() * 1e6) / Math.pow(10, random.nextInt(8));
                sent.append(i == 0 ? "" : ",").append("{\"t\": \"").append(t).append("\", \"v\": ").append(v)
                        .append('}');
                json.writeStartObject();
                json.writeStringField("t", WireTime.format(t));
                json.writeNumberField("v", v);
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        calls.post("/v1/series/key/many/data/", calls.write, sent.append(']').toString()).assertStatus(200);

        TestResponse answer = calls.get("/v1/series/key/many/data/?" + DAY + "&interval=raw", calls.read)
                .assertStatus(200);

        assertThat(answer.text().length()).as("several buffers full").isGreaterThan(4 << 16);
        assertThat(between(answer.text(), "\"data\":", ",\"summary\":")).isEqualTo(expected.toString());
        assertThat(answer.json().path("summary").path("count").asLong()).isEqualTo(6_000);
    }

    @Test
    void aReadOfSeveralSeriesIsOneArrayWithEmptyDataSetsInPlace() {
        calls.post("/v1/series/", calls.write, "{\"key\": \"empty\"}").assertStatus(200);
        calls.post("/v1/multi/", calls.write, """
                [{"t": "2012-01-01T00:00:00", "key": "a", "v": 1.5},
                 {"t": "2012-01-01T00:01:00", "key": "a", "v": -0.0},
                 {"t": "2012-01-01T00:00:00", "key": "b", "v": 1e21}]""").assertStatus(200);

        TestResponse answer = calls.get("/v1/data/?" + DAY + "&interval=raw", calls.read).assertStatus(200);

        assertThat(answer.json().size()).isEqualTo(3);
        assertThat(answer.text()).startsWith("[{\"series\":{").contains(
                "\"data\":[],\"summary\":{\"sum\":0.0,\"mean\":null",
                "\"data\":[{\"t\":\"2012-01-01T00:00:00.000Z\",\"v\":1.5},{\"t\":\"2012-01-01T00:01:00.000Z\","
                        + "\"v\":-0.0}],\"summary\":{",
                "\"data\":[{\"t\":\"2012-01-01T00:00:00.000Z\",\"v\":1.0E21}],\"summary\":{").endsWith("}}]");
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from) + from.length();
        return text.substring(start, text.indexOf(to, start));
    }
}
