package io.cairn.server.dialect.tempodb;

import static io.cairn.server.dialect.tempodb.TempoDbCalls.pathKey;
import static io.cairn.server.dialect.tempodb.TempoDbCalls.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.server.testing.CairnServerExtension;
import io.cairn.server.testing.TestResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TempoDB's data endpoints over raw HTTP, as its 0.x client sends and reads them. */
class TempoDbDataIT {

    @RegisterExtension
    static final CairnServerExtension server = new CairnServerExtension();

    private static final String DAY = "start=2012-01-01T00:00:00&end=2012-01-02T00:00:00";

    private TempoDbCalls calls;

    @BeforeEach
    void setUp() {
        calls = new TempoDbCalls(server.http(), server.newProject());
    }

    @Test
    void aWriteByKeyCreatesTheSeriesAnswersAnEmpty200AndReadsBackAsADataSet() {
        TestResponse written = calls.post("/v1/series/key/my-custom-key/data/", calls.write, """
                [{"t": "2012-01-01T01:00:00", "v": 12.34}, {"t": "2012-01-01T01:01:00", "v": 1.874},
                 {"t": "2012-01-01T01:02:00.500000", "v": 21.52}]""").assertStatus(200);
        assertThat(written.text()).isEmpty();
        JsonNode set = calls.get("/v1/series/key/my-custom-key/data/?" + DAY, calls.read).assertStatus(200).json();
        String id = set.path("series").path("id").asText();
        assertThat(set.toString()).isEqualTo("{\"series\":{\"id\":\"" + id + "\",\"key\":\"my-custom-key\","
                + "\"name\":\"\",\"attributes\":{},\"tags\":[]},\"start\":\"2012-01-01T00:00:00.000Z\","
                + "\"end\":\"2012-01-02T00:00:00.000Z\",\"data\":[{\"t\":\"2012-01-01T01:00:00.000Z\",\"v\":12.34},"
                + "{\"t\":\"2012-01-01T01:01:00.000Z\",\"v\":1.874},{\"t\":\"2012-01-01T01:02:00.500Z\",\"v\":21.52}],"
                + "\"summary\":" + set.path("summary") + "}");
        JsonNode summary = set.path("summary");
        assertThat(summary.path("count").asLong()).isEqualTo(3);
        assertThat(summary.path("sum").asDouble()).isEqualTo(12.34 + 1.874 + 21.52);
        assertThat(summary.path("min").asDouble()).isEqualTo(1.874);
        assertThat(summary.path("max").asDouble()).isEqualTo(21.52);
        assertThat(summary.has("mean") && summary.has("stddev") && summary.has("ss")).isTrue();
        assertThat(calls.get("/v1/series/id/" + id + "/data?" + DAY, calls.read).json()).isEqualTo(set);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "with space", "ünï/cödé ключ", "dots.colons:semi;back\\slash", "plus+sign"})
    void keysWithSlashesSpacesAndUnicodeTravelEncodedInOnePathSegment(String key) {
        calls.post("/v1/series/key/" + pathKey(key) + "/data/", calls.write, "[{\"t\": \"2012-01-01T00:00:00\","
                + " \"v\": 1}]").assertStatus(200);
        calls.post("/v1/series/key/" + pathKey(key) + "/increment/", calls.write, "[{\"t\": \"2012-01-01T00:00:00\","
                + " \"v\": 2}]").assertStatus(200);
        JsonNode set = calls.get("/v1/series/key/" + pathKey(key) + "/data/?" + DAY, calls.read).assertStatus(200)
                .json();
        assertThat(set.path("series").path("key").asText()).isEqualTo(key);
        assertThat(set.path("data").toString()).isEqualTo("[{\"t\":\"2012-01-01T00:00:00.000Z\",\"v\":3.0}]");
        assertThat(calls.get("/v1/series/?key=" + query(key), calls.read).json().get(0).path("key").asText())
                .isEqualTo(key);
        assertThat(calls.get("//v1/series/key/" + pathKey(key) + "/data?" + DAY, calls.read).assertStatus(200).json()
                .path("series").path("key").asText()).as("doubled slash, no trailing slash").isEqualTo(key);
        calls.delete("/v1/series/key/" + pathKey(key) + "/data/?" + DAY, calls.master).assertStatus(200);
        assertThat(calls.get("/v1/series/key/" + pathKey(key) + "/data/?" + DAY, calls.read).json().path("data")
                .size()).isZero();
    }

    @Test
    void aMultiWriteStoresTheGoodItemsAndAnswers207WithOneStatusPerItemAsInTheSeed() {
        String id = calls.post("/v1/series/", calls.write, "{\"key\": \"known\"}").json().path("id").asText();
        TestResponse response = calls.post("/v1/multi/", calls.write, "[{\"t\": \"2013-08-21T00:00:00\", \"v\":"
                + " 4.164}, {\"t\": \"2013-08-22T00:00:00\", \"id\": \"" + id + "\", \"v\": 134.3}, {}]")
                .assertStatus(207);
        assertThat(response.json().toString()).isEqualTo("{\"error\":{\"multistatus\":["
                + "{\"status\":\"422\",\"messages\":[\"Must provide a series ID or key\"]},"
                + "{\"status\":\"200\",\"messages\":[]},"
                + "{\"status\":\"422\",\"messages\":[\"Must provide a numeric value\","
                + "\"Must provide a series ID or key\"]}]}}");
        assertThat(values("known", "start=2013-08-01T00:00:00&end=2013-09-01T00:00:00&interval=raw"))
                .containsExactly("2013-08-22T00:00:00.000Z=134.3");
    }

    @Test
    void multiWritesAndIncrementsThatAllSucceedAnswerAnEmpty200() {
        calls.post("/v1/multi/", calls.write, "[{\"t\": \"2013-08-21T00:00:00\", \"key\": \"a\", \"v\": 1},"
                + " {\"t\": \"2013-08-21T00:00:00\", \"key\": \"b\", \"v\": 2}]").assertStatus(200);
        TestResponse incremented = calls.post("/v1/multi/increment/", calls.write, "[{\"t\": \"2013-08-21T00:00:00\","
                + " \"key\": \"a\", \"v\": 5}, {\"t\": \"2013-08-21T00:00:00\", \"key\": \"b\"}]").assertStatus(200);
        assertThat(incremented.text()).isEmpty();
        String range = "start=2013-08-21T00:00:00&end=2013-08-22T00:00:00";
        assertThat(values("a", range)).containsExactly("2013-08-21T00:00:00.000Z=6.0");
        assertThat(values("b", range)).containsExactly("2013-08-21T00:00:00.000Z=3.0");
        TestResponse unknownId = calls.post("/v1/multi/", calls.write, "[{\"t\": \"2013-08-21T00:00:00\", \"id\":"
                + " \"0123456789abcdef0123456789abcdef\", \"v\": 1}]").assertStatus(207);
        assertThat(unknownId.json().path("error").path("multistatus").get(0).path("status").asText()).isEqualTo("404");
    }

    @Test
    void aMalformedMultiWriteIsRefusedWholeAndStoresNothing() {
        String plainItem = "{\"t\": \"2013-08-21T00:00:00\", \"key\": \"m\", \"v\": 1}";
        assertBad(calls.post("/v1/multi/", calls.write, "[" + plainItem + ", {\"t\": "), "JSON");
        assertBad(calls.post("/v1/multi/", calls.write, "[" + plainItem + "] trailing"), "JSON");
        assertBad(calls.post("/v1/multi/", calls.write, "[" + plainItem + "] []"), "one JSON value");
        assertBad(calls.post("/v1/series/key/m/data/", calls.write, "[{\"t\": \"2013-08-21T00:00:00\", \"v\": 1}] {}"),
                "one JSON value");
        assertBad(calls.post("/v1/data/", calls.write, "{\"t\": \"2013-08-21T00:00:00\", \"data\": [{\"key\": \"m\","
                + " \"v\": 1}]} x"), "JSON");
        assertBad(calls.post("/v1/multi/", calls.write, "{\"items\": [" + plainItem + "]}"), "array");
        server.http().post("/v1/multi/").header("Authorization", calls.write).header("Content-Type", "text/plain")
                .body(("[" + plainItem + "]").getBytes(java.nio.charset.StandardCharsets.UTF_8)).send()
                .assertStatus(415);
        calls.get("/v1/series/key/m/data/?start=2013-08-21T00:00:00&end=2013-08-22T00:00:00", calls.read)
                .assertStatus(404);
    }

    @Test
    void bulkWritesAndIncrementsShareOneTimestamp() {
        String id = calls.post("/v1/series/", calls.write, "{\"key\": \"by-id\"}").json().path("id").asText();
        calls.post("/v1/data/", calls.write, "{\"t\": \"2012-01-08T01:21:00\", \"data\": [{\"id\": \"" + id
                + "\", \"v\": 4.164}, {\"key\": \"your-custom-key\", \"v\": 55.423}]}").assertStatus(200);
        calls.post("/v1/increment/", calls.write, "{\"t\": \"2012-01-08T01:21:00\", \"data\": [{\"id\": \"" + id
                + "\", \"v\": 1}, {\"key\": \"your-custom-key\", \"v\": 2}]}").assertStatus(200);
        JsonNode sets = calls.get("/v1/data/?start=2012-01-08T00:00:00&end=2012-01-09T00:00:00&key=by-id"
                + "&key=your-custom-key", calls.read).assertStatus(200).json();
        assertThat(sets.size()).isEqualTo(2);
        assertThat(sets.get(0).path("data").toString()).isEqualTo("[{\"t\":\"2012-01-08T01:21:00.000Z\",\"v\":5.164}]");
        assertThat(sets.get(1).path("data").toString())
                .isEqualTo("[{\"t\":\"2012-01-08T01:21:00.000Z\",\"v\":57.423}]");
        calls.post("/v1/data/", calls.write, "{\"t\": \"2012-01-08T01:22:00\", \"data\": [{\"key\": \"k2\", \"v\": 1},"
                + " {\"v\": 2}]}").assertStatus(400);
        assertThat(calls.get("/v1/series/?key=k2", calls.read).json().size()).isZero();
    }

    @Test
    void readsRollUpInTheRequestedZoneAndAnswerInUtc() {
        StringBuilder points = new StringBuilder("[");
        for (int hour = 0; hour < 48; hour++) {
            points.append(hour == 0 ? "" : ",").append("{\"t\": \"2012-01-01T").append(String.format("%02d", hour % 24))
                    .append(":30:00Z\", \"v\": ").append(hour).append('}');
        }
        points.replace(0, points.length(), points.toString().replace("2012-01-01T", "DAY"));
        String body = fillDays(points.append(']').toString());
        calls.post("/v1/series/key/h/data/", calls.write, body).assertStatus(200);
        // Naive times are read in tz: the range and the daily buckets are Chicago days (UTC-6 in January).
        assertThat(values("h", "start=2012-01-01T00:00:00&end=2012-01-02T00:00:00&tz=America/Chicago"
                + "&interval=1day&function=count")).containsExactly("2012-01-01T06:00:00.000Z=24.0");
        assertThat(values("h", "start=2012-01-01T00:00:00Z&end=2012-01-01T03:00:00Z&interval=PT1H&function=max"))
                .containsExactly("2012-01-01T00:00:00.000Z=0.0", "2012-01-01T01:00:00.000Z=1.0",
                        "2012-01-01T02:00:00.000Z=2.0");
        assertThat(values("h", "start=2012-01-01T00:00:00Z&end=2012-01-03T00:00:00Z&interval=1day"))
                .containsExactly("2012-01-01T00:00:00.000Z=11.5", "2012-01-02T00:00:00.000Z=35.5");
    }

    @Test
    void badInputAnswers400InPlainTextAndStoresNothing() {
        assertBad(calls.get("/v1/series/key/x/data/?start=yesterday&end=2012-01-02", calls.read), "start");
        calls.post("/v1/series/key/x/data/", calls.write, "[{\"t\": \"2012-01-01T00:00:00\", \"v\": 1}]");
        assertBad(calls.get("/v1/series/key/x/data/?" + DAY + "&function=median&interval=1hour", calls.read),
                "function");
        assertBad(calls.get("/v1/series/key/x/data/?" + DAY + "&interval=7parsecs", calls.read), "interval");
        assertBad(calls.get("/v1/series/key/x/data/?start=2012-01-02&end=2012-01-01", calls.read), "start");
        assertBad(calls.get("/v1/series/key/x/data/?" + DAY + "&tz=Mars/Olympus", calls.read), "tz");
        assertBad(calls.post("/v1/series/key/x/data/", calls.write, "[{\"t\": \"2012-01-01T00:05:00\", \"v\": 2},"
                + " {\"t\": \"2012-01-01T00:06:00\", \"v\": \"many\"}]"), "numeric");
        assertBad(calls.post("/v1/series/key/x/data/", calls.write, "{\"t\": 1}"), "array");
        assertBad(calls.post("/v1/series/key/x/data/", calls.write, "[{\"t\": \"soon\", \"v\": 1}]"), "timestamp");
        assertThat(values("x", DAY)).containsExactly("2012-01-01T00:00:00.000Z=1.0");
        calls.get("/v1/series/key/nothing/data/?" + DAY, calls.read).assertStatus(404);
        calls.post("/v1/series/id/0123456789abcdef0123456789abcdef/data/", calls.write, "[]").assertStatus(404);
    }

    @Test
    void rangeDeletesAreHalfOpenAndNeedTheMasterKey() {
        calls.post("/v1/series/key/d/data/", calls.write, "[{\"t\": \"2012-01-01T00:00:00\", \"v\": 1},"
                + " {\"t\": \"2012-01-01T00:01:00\", \"v\": 2}, {\"t\": \"2012-01-01T00:02:00\", \"v\": 3}]");
        String range = "?start=2012-01-01T00:00:00&end=2012-01-01T00:02:00";
        calls.delete("/v1/series/key/d/data/" + range, calls.write).assertStatus(403);
        TestResponse deleted = calls.delete("/v1/series/key/d/data/" + range, calls.master).assertStatus(200);
        assertThat(deleted.text()).isEmpty();
        assertThat(values("d", DAY)).containsExactly("2012-01-01T00:02:00.000Z=3.0");
    }

    @Test
    void aReadKeyCannotWriteAndAWriteKeyCannotRead() {
        calls.post("/v1/series/key/r/data/", calls.read, "[{\"t\": \"2012-01-01T00:00:00\", \"v\": 1}]")
                .assertStatus(403);
        calls.post("/v1/multi/", calls.read, "[{\"t\": \"2012-01-01T00:00:00\", \"key\": \"r\", \"v\": 1}]")
                .assertStatus(403);
        calls.post("/v1/series/key/r/data/", calls.write, "[{\"t\": \"2012-01-01T00:00:00\", \"v\": 1}]")
                .assertStatus(200);
        calls.get("/v1/series/key/r/data/?" + DAY, calls.write).assertStatus(403);
        calls.get("/v1/data/?" + DAY, calls.write).assertStatus(403);
        calls.get("/v1/series/key/r/data/?" + DAY, calls.master).assertStatus(200);
    }

    private static void assertBad(TestResponse response, String mentions) {
        response.assertStatus(400);
        assertThat(response.contentType()).startsWith("text/plain");
        assertThat(response.text()).contains(mentions);
    }

    private static String fillDays(String template) {
        StringBuilder out = new StringBuilder();
        int index = 0;
        for (String part : template.split("DAY", -1)) {
            if (index > 0) {
                out.append(index <= 24 ? "2012-01-01T" : "2012-01-02T");
            }
            out.append(part);
            index++;
        }
        return out.toString();
    }

    private List<String> values(String key, String query) {
        List<String> values = new ArrayList<>();
        calls.get("/v1/series/key/" + pathKey(key) + "/data/?" + query, calls.read).assertStatus(200).json()
                .path("data").forEach(point -> values.add(point.path("t").asText() + "=" + point.path("v").asText()));
        return values;
    }
}
