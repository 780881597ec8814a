package io.cairn.client;

import io.cairn.client.model.DataPoint;
import io.cairn.client.model.DataSet;
import io.cairn.client.model.MultiPoint;
import io.cairn.client.model.Series;
import io.cairn.client.model.Summary;
import io.cairn.client.model.WriteStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** TempoDB's JSON shapes, as the series client sends and reads them. */
final class TempoDbWire {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private TempoDbWire() {}

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    record SeriesJson(String id, String key, String name, Map<String, String> attributes, List<String> tags) {
        static SeriesJson of(Series series) {
            return new SeriesJson(series.id(), series.key(), series.name(), series.attributes(), series.tags());
        }

        Series toModel() {
            return new Series(id, key, name == null ? "" : name, tags == null ? List.of() : tags,
                    attributes == null ? Map.of() : attributes);
        }

        static List<Series> toModels(SeriesJson[] all) {
            return Arrays.stream(all).map(SeriesJson::toModel).toList();
        }
    }

    record PointJson(String t, double v) {
        static PointJson of(DataPoint point) {
            return new PointJson(time(point.t()), point.v());
        }
    }

    record KeyedPointJson(String t, String id, String key, double v) {
        static KeyedPointJson of(MultiPoint point) {
            boolean byId = point.series().kind().equals("id");
            return new KeyedPointJson(time(point.t()), byId ? point.series().value() : null,
                    byId ? null : point.series().value(), point.v());
        }
    }

    record BulkItemJson(String id, String key, double v) {}

    record BulkJson(String t, List<BulkItemJson> data) {}

    record SummaryJson(long count, double sum, Double mean, Double min, Double max, Double stddev, Double ss) {}

    record DataPointJson(Instant t, double v) {}

    record DataSetJson(SeriesJson series, Instant start, Instant end, List<DataPointJson> data, SummaryJson summary) {
        DataSet toModel() {
            SummaryJson s = summary == null ? new SummaryJson(0, 0, null, null, null, null, null) : summary;
            return new DataSet(series.toModel(), start, end,
                    data.stream().map(point -> DataPoint.of(point.t(), point.v())).toList(),
                    new Summary(s.count(), s.sum(), s.mean(), s.min(), s.max(), s.stddev(), s.ss()));
        }

        static List<DataSet> toModels(DataSetJson[] all) {
            return Arrays.stream(all).map(DataSetJson::toModel).toList();
        }
    }

    record StatusJson(String status, List<String> messages) {
        WriteStatus toModel() {
            return new WriteStatus(Integer.parseInt(status), messages == null ? List.of() : messages);
        }
    }

    record MultiStatusJson(MultiStatusListJson error) {}

    record MultiStatusListJson(List<StatusJson> multistatus) {}
}
