package io.cairn.server.dialect.tempodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.core.series.PointBatch;
import io.cairn.core.series.WriteMode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The multi-write fast path reads exactly what the general parser reads, and gives up on everything else. */
class TempoDbMultiScannerTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String[] WHITESPACE = {"", "", "", " ", "\n  ", "\t", "\r\n"};
    private static final String[] TIMES = {"2012-01-01T00:00:00.000Z", "2012-01-01T00:01:00.000Z",
        "2012-03-25T02:30:00", "2012-01-01", "2012-01-01 05:06:07", "2012-01-01T00:00:00.123456+02:00",
        "1969-12-31T23:59:59.999Z", "2031-10-27T01:30:00-05:00"};
    private static final String[] VALUES = {"0", "-0", "0.0", "-0.0", "1", "-1", "12.5", "0.1", "0.30000000000000004",
        "123456789012345", "1234567890123456", "12345678901234567890", "9007199254740993", "1.7976931348623157E308",
        "4.9e-324", "1e3", "1E+3", "2.5e-7", "-3.14159", "100000.000001", "0.000001", "99.99999999999999999"};

    private final TempoDbItems general = new TempoDbItems(null,
            Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void readsGeneratedPlainBodiesExactlyAsTheGeneralParser() {
        SplittableRandom random = new SplittableRandom(42);
        for (int body = 0; body < 400; body++) {
            ZoneId zone = random.nextBoolean() ? ZoneOffset.UTC : PARIS;
            String json = plainBody(random);
            PointBatch fast = TempoDbMultiScanner.scan(bytes(json), zone);
            assertThat(fast).as(json).isNotNull();
            assertSame(fast, generalRead(json, zone), json);
        }
    }

    @Test
    void readsEveryNumberFormAsTheGeneralParser() {
        for (String value : VALUES) {
            String json = "[{\"t\":\"2012-01-01T00:00:00Z\",\"key\":\"a\",\"v\":" + value + "}]";
            PointBatch fast = TempoDbMultiScanner.scan(bytes(json), ZoneOffset.UTC);
            assertThat(fast).as(json).isNotNull();
            assertSame(fast, generalRead(json, ZoneOffset.UTC), json);
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 5_000; i++) {
            double value = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-8, 12));
            String text = random.nextBoolean() ? Double.toString(value) : String.format("%." + random.nextInt(0, 9)
                    + "f", value);
            String json = "[{\"t\":\"2012-01-01T00:00:00Z\",\"key\":\"a\",\"v\":" + text + "}]";
            PointBatch fast = TempoDbMultiScanner.scan(bytes(json), ZoneOffset.UTC);
            assertThat(fast).as(json).isNotNull();
            assertSame(fast, generalRead(json, ZoneOffset.UTC), json);
        }
    }

    @Test
    void leavesEverythingElseToTheGeneralParser() {
        List<String> others = List.of(
                "", "{}", "[", "[{}]", "[1]", "[{\"t\":\"2012-01-01T00:00:00Z\",\"key\":\"a\",\"v\":1},]",
                "[{\"t\":\"2012-01-01T00:00:00Z\",\"key\":\"a\",\"v\":1}] x",
                "[{\"t\":\"2012-01-01T00:00:00Z\",\"key\":\"a\\/b\",\"v\":1}]",
                "[{\"t\":\"2012-01-01T00:00:00Z\",\"key\":\"caf\u00e9\",\"v\":1}]",
                "[{\"t\":\"2012-01-01T00:00:00Z\",\"key\":\"a\"}]",
                "[{\"key\":\"a\",\"v\":1}]",
                "[{\"t\":\"2012-01-01T00:00:00Z\",\"v\":1}]",
                "[{\"t\":\"2012-01-01T00:00:00Z\",\"key\":\"\",\"v\":1}]",
                "[{\"t\":\"2012-01-01T00:00:00Z\",\"key\":\"a\",\"v\":\"1\"}]",
                "[{\"t\":\"2012-01-01T00:00:00Z\",\"key\":\"a\",\"v\":null}]",
                "[{\"t\":\"2012-01-01T00:00:00Z\",\"key\":\"a\",\"v\":1e400}]",
                "[{\"t\":\"2012-01-01T00:00:00Z\",\"key\":\"a\",\"v\":01}]",
                "[{\"t\":\"2012-01-01T00:00:00Z\",\"key\":\"a\",\"v\":1.}]",
                "[{\"t\":\"2012-01-01T00:00:00Z\",\"key\":\"a\",\"v\":+1}]",
                "[{\"t\":\"2012-01-01T00:00:00Z\",\"key\":\"a\",\"v\":NaN}]",
                "[{\"t\":\"2012-01-01T00:00:00Z\",\"key\":\"a\",\"v\":[1]}]",
                "[{\"t\":\"not a time\",\"key\":\"a\",\"v\":1}]",
                "[{\"t\":\"2012-01-01T00:00:00Z\",\"key\":\"a\",\"id\":\"b\",\"v\":1}]",
                "[{\"t\":\"2012-01-01T00:00:00Z\",\"t\":\"2012-01-01T00:00:00Z\",\"key\":\"a\",\"v\":1}]",
                "[{\"t\":\"2012-01-01T00:00:00Z\",\"key\":\"a\",\"v\":1,\"v\":2}]",
                "[{\"t\":\"2012-01-01T00:00:00Z\",\"key\":\"a\",\"v\":1,\"note\":\"x\"}]");
        for (String json : others) {
            assertThat(TempoDbMultiScanner.scan(bytes(json), ZoneOffset.UTC)).as(json).isNull();
        }
    }

    @Test
    void keepsOneRefPerDistinctSeriesAcrossManyItems() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 3_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"t\":\"2012-01-01T00:00:00Z\",\"")
                    .append(i % 2 == 0 ? "key" : "id").append("\":\"s").append(i % 700).append("\",\"v\":").append(i)
                    .append('}');
        }
        String body = json.append(']').toString();
        PointBatch fast = TempoDbMultiScanner.scan(bytes(body), ZoneOffset.UTC);
        assertSame(fast, generalRead(body, ZoneOffset.UTC), "3,000 items");
        assertThat(fast.ref(700 * 2)).isSameAs(fast.ref(0));
    }

    private PointBatch generalRead(String json, ZoneId zone) {
        TempoDbItems.Checked checked = general.check(TempoDbPointsReader.array(new ByteArrayInputStream(bytes(json))),
                zone, WriteMode.REPLACE);
        assertThat(checked.checked()).as(json).allMatch(status -> status == TempoDbWire.Status.OK);
        return checked.batch();
    }

    private static void assertSame(PointBatch fast, PointBatch general, String json) {
        assertThat(fast.size()).as(json).isEqualTo(general.size());
        for (int i = 0; i < fast.size(); i++) {
            assertThat(fast.ref(i)).as(json).isEqualTo(general.ref(i));
            assertThat(fast.micros(i)).as(json).isEqualTo(general.micros(i));
            assertThat(Double.doubleToRawLongBits(fast.value(i))).as(json + " value " + fast.value(i) + " vs "
                    + general.value(i)).isEqualTo(Double.doubleToRawLongBits(general.value(i)));
        }
    }

    private static String plainBody(SplittableRandom random) {
        List<String> items = new ArrayList<>();
        int count = random.nextInt(0, 40);
        for (int i = 0; i < count; i++) {
            List<String> fields = new ArrayList<>(List.of(
                    field(random, "t", "\"" + TIMES[random.nextInt(TIMES.length)] + "\""),
                    field(random, random.nextBoolean() ? "key" : "id", "\"" + name(random) + "\""),
                    field(random, "v", VALUES[random.nextInt(VALUES.length)])));
            java.util.Collections.shuffle(fields, new java.util.Random(random.nextLong()));
            items.add(ws(random) + "{" + String.join(",", fields) + ws(random) + "}" + ws(random));
        }
        return ws(random) + "[" + String.join(",", items) + ws(random) + "]" + ws(random);
    }

    private static String field(SplittableRandom random, String name, String value) {
        return ws(random) + "\"" + name + "\"" + ws(random) + ":" + ws(random) + value + ws(random);
    }

    private static String name(SplittableRandom random) {
        String alphabet = "abcXYZ019 /-_.:~";
        StringBuilder name = new StringBuilder();
        for (int i = random.nextInt(1, 6); i > 0; i--) {
            name.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return name.toString();
    }

    private static String ws(SplittableRandom random) {
        return WHITESPACE[random.nextInt(WHITESPACE.length)];
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
