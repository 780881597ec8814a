package io.cairn.server.dialect.tempodb;

import com.fasterxml.jackson.core.JsonGenerator;
import io.cairn.core.model.TimeRange;
import io.cairn.core.series.DataSetSink;
import io.cairn.core.series.Series;
import io.cairn.core.series.Summary;
import io.cairn.server.http.StreamedBody;
import io.cairn.server.http.WireTime;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** TempoDB's JSON shapes: Series, DataSet (streamed), and the multi-status of multi writes. */
final class TempoDbWire {

    private TempoDbWire() {}

    /** A Series as TempoDB's client reads it (and sends it back to update). */
    record SeriesBody(String id, String key, String name, Map<String, String> attributes, List<String> tags) {
        static SeriesBody of(Series series) {
            return new SeriesBody(series.id(), series.key(), series.name(), series.attributes(), series.tags());
        }
    }

    /** One entry of a 207 answer: the status as a string, as TempoDB wrote it, and why. */
    record Status(String status, List<String> messages) {
        static final Status OK = new Status("200", List.of());
    }

    /** {@code {"error": {"multistatus": [...]}}}, one status per item sent, in order. */
    record MultiStatus(MultiStatusList error) {
        static MultiStatus of(List<Status> statuses) {
            return new MultiStatus(new MultiStatusList(statuses));
        }
    }

    record MultiStatusList(List<Status> multistatus) {}

    /**
     * Writes each data set as it streams: {@code {"series", "start", "end", "data": [...], "summary"}}. The points,
     * most of a data set's bytes, are appended as bytes next to the generator, which writes everything else.
     */
    static final class DataSetWriter implements DataSetSink, Closeable {
        private static final byte[] FIRST_POINT = ascii("{\"t\":\"");
        private static final byte[] NEXT_POINT = ascii(",{\"t\":\"");
        private static final byte[] VALUE = ascii("\",\"v\":");
        private static final byte[] POINT_END = ascii("}");

        private final StreamedBody body;
        private final JsonGenerator json;
        private boolean firstPoint;

        DataSetWriter(OutputStream out) throws IOException {
            body = new StreamedBody(out);
            json = TempoDbPointsReader.FACTORY.createGenerator(body)
                    .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        }

        /** Has {@code read} stream its data sets here: one, or ({@code many}) a JSON array of them. */
        void write(Consumer<DataSetSink> read, boolean many) throws IOException {
            if (many) {
                json.writeStartArray();
            }
            read.accept(this);
            if (many) {
                json.writeEndArray();
            }
        }

        @Override
        public void begin(Series series, TimeRange range) {
            try {
                json.writeStartObject();
                json.writeFieldName("series");
                writeSeries(json, series);
                json.writeStringField("start", WireTime.format(range.start()));
                json.writeStringField("end", WireTime.format(range.end()));
                json.writeArrayFieldStart("data");
                // What the generator holds goes first; the points are appended after it.
                json.flush();
                firstPoint = true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void point(long micros, double value) {
            try {
                body.append(firstPoint ? FIRST_POINT : NEXT_POINT).appendWireTime(micros).append(VALUE)
                        .appendDouble(value).append(POINT_END);
                firstPoint = false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void end(Summary summary) {
            try {
                json.writeEndArray();
                json.writeObjectFieldStart("summary");
                json.writeNumberField("sum", summary.sum());
                writeNumber("mean", summary.mean());
                writeNumber("max", summary.max());
                writeNumber("min", summary.min());
                writeNumber("stddev", summary.stddev());
                writeNumber("ss", summary.ss());
                json.writeNumberField("count", summary.count());
                json.writeEndObject();
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void writeNumber(String field, Double value) throws IOException {
            if (value == null) {
                json.writeNullField(field);
            } else {
                json.writeNumberField(field, value);
            }
        }

        @Override
        public void close() throws IOException {
            json.close();
        }

        private static byte[] ascii(String text) {
            return text.getBytes(StandardCharsets.US_ASCII);
        }
    }

    static void writeSeries(JsonGenerator json, Series series) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", series.id());
        json.writeStringField("key", series.key());
        json.writeStringField("name", series.name());
        json.writeObjectFieldStart("attributes");
        for (Map.Entry<String, String> attribute : series.attributes().entrySet()) {
            json.writeStringField(attribute.getKey(), attribute.getValue());
        }
        json.writeEndObject();
        json.writeArrayFieldStart("tags");
        for (String tag : series.tags()) {
            json.writeString(tag);
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
