package io.cairn.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.client.internal.Json;
import io.cairn.client.model.DataPoint;
import io.cairn.client.model.DataSet;
import io.cairn.client.model.MultiPoint;
import io.cairn.client.model.ReadOptions;
import io.cairn.client.model.SeriesRef;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesWireTest {

    private static final Instant T0 = Instant.parse("2012-01-01T00:00:00Z");

    @Test
    void aDataSetAsTempoDbWritesItMapsToTheModel() throws Exception {
        String json = """
                {"series": {"id": "abc", "key": "k", "name": "", "attributes": {"a": "1"}, "tags": ["t"]},
                 "start": "2012-01-01T00:00:00.000Z", "end": "2012-01-02T00:00:00.000Z",
                 "data": [{"t": "2012-01-01T01:00:00.000Z", "v": 12.34}],
                 "summary": {"sum": 12.34, "mean": 12.34, "max": 12.34, "min": 12.34, "stddev": 0.0, "ss": 0.0,
                             "count": 1}}""";
        DataSet set = Json.read(json.getBytes(StandardCharsets.UTF_8), TempoDbWire.DataSetJson.class).toModel();
        assertThat(set.series().attributes()).containsEntry("a", "1");
        assertThat(set.start()).isEqualTo(T0);
        assertThat(set.data()).containsExactly(DataPoint.of(T0.plusSeconds(3600), 12.34));
        assertThat(set.summary().count()).isEqualTo(1);
    }

    @Test
    void multiPointsNameTheirSeriesByIdOrKeyAndTimesCarryMilliseconds() {
        String json = new String(Json.write(List.of(
                TempoDbWire.KeyedPointJson.of(new MultiPoint(T0, SeriesRef.key("a/b"), 1)),
                TempoDbWire.KeyedPointJson.of(new MultiPoint(T0.plusMillis(5), SeriesRef.id("f00"), 2)))),
                StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("[{\"t\":\"2012-01-01T00:00:00.000Z\",\"id\":null,\"key\":\"a/b\",\"v\":1.0},"
                + "{\"t\":\"2012-01-01T00:00:00.005Z\",\"id\":\"f00\",\"key\":null,\"v\":2.0}]");
    }

    @Test
    void optionsAndReferencesAreCheckedWhenBuilt() {
        assertThatThrownBy(() -> ReadOptions.range(T0, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeriesRef.key("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SeriesRef("name", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ReadOptions.range(T0, T0.plusSeconds(1)).withRollup("1hour", "max").interval()).isEqualTo("1hour");
    }
}
