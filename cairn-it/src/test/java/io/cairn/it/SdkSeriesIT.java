package io.cairn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cairn.client.Cairn;
import io.cairn.client.SeriesClient;
import io.cairn.client.error.BadRequestException;
import io.cairn.client.error.ConflictException;
import io.cairn.client.error.ForbiddenException;
import io.cairn.client.error.NotFoundException;
import io.cairn.client.model.DataPoint;
import io.cairn.client.model.DataSet;
import io.cairn.client.model.MultiPoint;
import io.cairn.client.model.ReadOptions;
import io.cairn.client.model.Series;
import io.cairn.client.model.SeriesFilter;
import io.cairn.client.model.SeriesRef;
import io.cairn.client.model.WriteStatus;
import io.cairn.core.project.CreatedProject;
import io.cairn.core.project.IssuedKey;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SDK's series client against the real server. */
class SdkSeriesIT {

    @RegisterExtension
    static final CairnExtension server = new CairnExtension();

    private static final Instant T0 = Instant.parse("2012-01-01T00:00:00Z");

    private CreatedProject project;

    @BeforeEach
    void newProject() {
        project = server.newProject();
    }

    private SeriesClient series(int keyIndex) {
        IssuedKey key = project.keys().get(keyIndex);
        Cairn cairn = server.adminSdk().newBuilder().keyId(key.key().id().value()).key(key.secret()).build();
        return cairn.series();
    }

    @Test
    void createListUpdateAndDeleteSeries() {
        SeriesClient master = series(0);
        Series created = master.create("room/1 temp");
        assertThat(created.id()).matches("[0-9a-f]{32}");
        assertThat(master.create(null).key()).matches("[0-9a-f]{32}");
        assertThatThrownBy(() -> master.create("room/1 temp")).isInstanceOf(ConflictException.class);
        Series updated = master.update(created.withName("Room 1").withTags(List.of("temp"))
                .withAttributes(Map.of("floor", "1")));
        assertThat(updated).isEqualTo(new Series(created.id(), "room/1 temp", "Room 1", List.of("temp"),
                Map.of("floor", "1")));
        assertThat(master.get("room/1 temp")).isEqualTo(updated);
        assertThat(master.list(SeriesFilter.ALL.withAttributes(Map.of("floor", "1")))).containsExactly(updated);
        assertThat(master.delete(SeriesFilter.ALL.withTags("temp"))).isEqualTo(1);
        assertThatThrownBy(() -> master.get("room/1 temp")).isInstanceOf(NotFoundException.class);
        assertThat(master.deleteAll()).isEqualTo(1);
        assertThat(master.list(SeriesFilter.ALL)).isEmpty();
    }

    @Test
    void writesIncrementsAndRollupReadsWithSummary() {
        SeriesClient write = series(1);
        SeriesClient read = series(2);
        SeriesRef key = SeriesRef.key("sensors/ünï 1");
        write.write(key, List.of(DataPoint.of(T0, 1), DataPoint.of(T0.plusSeconds(1800), 3),
                DataPoint.of(T0.plusSeconds(3600), 10)));
        write.increment(key, List.of(DataPoint.of(T0.plusSeconds(3600), 5)));
        ReadOptions day = ReadOptions.range(T0, T0.plusSeconds(86_400));
        DataSet raw = read.read(key, day.raw());
        assertThat(raw.series().key()).isEqualTo("sensors/ünï 1");
        assertThat(raw.start()).isEqualTo(T0);
        assertThat(raw.data()).containsExactly(DataPoint.of(T0, 1), DataPoint.of(T0.plusSeconds(1800), 3),
                DataPoint.of(T0.plusSeconds(3600), 15));
        assertThat(raw.summary().count()).isEqualTo(3);
        assertThat(raw.summary().sum()).isEqualTo(19);
        assertThat(raw.summary().mean()).isCloseTo(19 / 3.0, within(1e-9));
        DataSet hourlyMax = read.read(key, day.withRollup("1hour", "max"));
        assertThat(hourlyMax.data()).containsExactly(DataPoint.of(T0, 3), DataPoint.of(T0.plusSeconds(3600), 15));
        DataSet newYorkDays = read.read(key, day.withRollup("1day", "count").withZone(ZoneId.of("America/New_York")));
        assertThat(newYorkDays.data()).containsExactly(DataPoint.of(Instant.parse("2011-12-31T05:00:00Z"), 3));
        assertThatThrownBy(() -> write.delete(key, T0, T0.plusSeconds(1800)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> series(0).read(SeriesRef.key("none"), day)).isInstanceOf(NotFoundException.class);
        series(0).delete(key, T0, T0.plusSeconds(1800));
        assertThat(read.read(key, day.raw()).data()).hasSize(2);
    }

    @Test
    void bulkAndMultiWritesAndMultiSeriesReads() {
        SeriesClient write = series(1);
        Series byId = write.create("by-id");
        Map<SeriesRef, Double> values = new LinkedHashMap<>();
        values.put(SeriesRef.id(byId.id()), 4.5);
        values.put(SeriesRef.key("by-key"), 7.0);
        write.writeBulk(T0, values);
        List<WriteStatus> statuses = write.writeMulti(List.of(
                new MultiPoint(T0.plusSeconds(60), SeriesRef.key("by-key"), 8),
                new MultiPoint(T0, SeriesRef.id("0123456789abcdef0123456789abcdef"), 1)));
        assertThat(statuses).extracting(WriteStatus::status).containsExactly(200, 404);
        assertThat(write.incrementMulti(List.of(new MultiPoint(T0, SeriesRef.key("by-key"), 1))))
                .containsExactly(WriteStatus.STORED);
        List<DataSet> sets = series(2).read(SeriesFilter.keys("by-id", "by-key"),
                ReadOptions.range(T0, T0.plusSeconds(3600)).raw());
        assertThat(sets).extracting(set -> set.series().key()).containsExactly("by-id", "by-key");
        assertThat(sets.get(1).data()).containsExactly(DataPoint.of(T0, 8), DataPoint.of(T0.plusSeconds(60), 8));
    }

    @Test
    void concurrentIncrementsThroughTheSdkAddUpExactly() throws Exception {
        SeriesClient write = series(1);
        int threads = 6;
        int perThread = 50;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                done.add(pool.submit(() -> {
                    for (int n = 0; n < perThread; n++) {
                        write.increment(SeriesRef.key("hits"), List.of(DataPoint.of(T0, 1)));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
        assertThat(series(2).read(SeriesRef.key("hits"), ReadOptions.range(T0, T0.plusSeconds(60))).data())
                .containsExactly(DataPoint.of(T0, threads * perThread));
    }

    @Test
    void rolesAndBadInputSurfaceAsTypedExceptions() {
        assertThatThrownBy(() -> series(2).write(SeriesRef.key("k"), List.of(DataPoint.of(T0, 1))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> series(0).read(SeriesFilter.ALL, ReadOptions.range(T0, T0.plusSeconds(60))
                .withRollup("1hour", "median"))).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("function");
    }
}
