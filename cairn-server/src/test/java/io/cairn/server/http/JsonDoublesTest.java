package io.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonDoublesTest {

    private static final JsonFactory FAST_WRITER = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    @Test
    void writesTheFormsJavaAndJacksonWrite() {
        assertThat(written(0.1)).isEqualTo("0.1");
        assertThat(written(95.9)).isEqualTo("95.9");
        assertThat(written(-69.9)).isEqualTo("-69.9");
        assertThat(written(100.0)).isEqualTo("100.0");
        assertThat(written(0.0)).isEqualTo("0.0");
        assertThat(written(-0.0)).isEqualTo("-0.0");
        assertThat(written(0.001)).isEqualTo("0.001");
        assertThat(written(1e-7)).isEqualTo("1.0E-7");
        assertThat(written(1e7)).isEqualTo("1.0E7");
        assertThat(written(1e21)).isEqualTo("1.0E21");
        assertThat(written(0.30000000000000004)).isEqualTo("0.30000000000000004");
        assertThat(written(Double.NaN)).isEqualTo("\"NaN\"");
        assertThat(written(Double.NEGATIVE_INFINITY)).isEqualTo("\"-Infinity\"");
    }

    @Test
    void writesWhatJacksonsGeneratorWrites() {
        double[] edges = {0.1, 0.2, 0.3, 1e-7, 1e21, -0.0, 0.0, 1e-3, Math.nextDown(1e-3), Math.nextUp(1e-3), 1e7,
            Math.nextDown(1e7), 9_999_999.999_999, 1_234_567.891_234_5, 2.0 / 3, -1.0 / 3, 0.5, 123_456.000_001,
            Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 4.35, 0.015, 1.005, 2.675,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e16, 4_503_599_627_370_496.5};
        for (double edge : edges) {
            assertSameAsJackson(edge);
            assertSameAsJackson(-edge);
        }
        Random random = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            // Measured values with a few decimals at every magnitude, and doubles of any bits.
            double decimal = Math.round(random.nextGaussian() * Math.pow(10, random.nextInt(12)))
                    / Math.pow(10, random.nextInt(9));
            assertSameAsJackson(decimal);
            assertSameAsJackson(Double.longBitsToDouble(random.nextLong()));
            assertSameAsJackson(random.nextDouble() * Math.pow(10, random.nextInt(-5, 9)));
        }
    }

    @Test
    void writesAtThePositionGivenAndReturnsTheNext() {
        byte[] text = "[x,".getBytes(StandardCharsets.US_ASCII);
        byte[] buffer = new byte[text.length + JsonDoubles.MAX_LENGTH];
        System.arraycopy(text, 0, buffer, 0, text.length);
        int end = JsonDoubles.write(-2.2250738585072014E-308, buffer, text.length);
        assertThat(new String(buffer, 0, end, StandardCharsets.US_ASCII)).isEqualTo("[x,-2.2250738585072014E-308");
        assertThat(end).isEqualTo(buffer.length);
    }

    private static void assertSameAsJackson(double value) {
        assertThat(written(value)).as("%s (bits %x)", value, Double.doubleToRawLongBits(value))
                .isEqualTo(jackson(value));
    }

    private static String written(double value) {
        byte[] buffer = new byte[JsonDoubles.MAX_LENGTH];
        int end = JsonDoubles.write(value, buffer, 0);
        return new String(buffer, 0, end, StandardCharsets.US_ASCII);
    }

    private static String jackson(double value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = FAST_WRITER.createGenerator(out)) {
            json.writeNumber(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
