package io.cairn.server.dialect.tempodb;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.error.NotFoundException;
import io.cairn.core.model.EpochMicros;
import io.cairn.core.model.ProjectId;
import io.cairn.core.series.PointBatch;
import io.cairn.core.series.SeriesRef;
import io.cairn.core.series.SeriesService;
import io.cairn.core.series.WriteMode;
import io.cairn.core.series.WriteReport;
import io.cairn.server.dialect.tempodb.TempoDbPointsReader.Item;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sent write items checked and turned into a core {@link PointBatch}, with TempoDB's messages for the bad ones. An
 * item without {@code t} is a point at the time of receipt; an increment without {@code v} adds 1 (both as in the
 * multi-status examples of TempoDB's client, where such items are not faulted).
 */
final class TempoDbItems {

    static final String NO_VALUE = "Must provide a numeric value";
    static final String NO_SERIES = "Must provide a series ID or key";
    static final String BAD_TIME = "Must provide a valid timestamp";

    private final SeriesService series;
    private final Clock clock;

    TempoDbItems(SeriesService series, Clock clock) {
        this.series = series;
        this.clock = clock;
    }

    /** Items checked one by one: the good ones in a batch, a status for each bad one. */
    record Checked(PointBatch batch, List<TempoDbWire.Status> checked, int[] itemOfPoint) {

        /** Items that all passed the checks, one point each in the order sent. */
        static Checked allValid(PointBatch batch) {
            int[] itemOfPoint = new int[batch.size()];
            Arrays.setAll(itemOfPoint, point -> point);
            return new Checked(batch, Collections.nCopies(batch.size(), TempoDbWire.Status.OK), itemOfPoint);
        }

        /** One status per item sent, the core's refusals merged in. */
        List<TempoDbWire.Status> statuses(WriteReport report) {
            List<TempoDbWire.Status> statuses = new ArrayList<>(checked);
            for (Map.Entry<Integer, String> refused : report.refused().entrySet()) {
                statuses.set(itemOfPoint[refused.getKey()], new TempoDbWire.Status(
                        refused.getValue().startsWith("no series") ? "404" : "422", List.of(refused.getValue())));
            }
            return statuses;
        }
    }

    /** Multi writes: every item names its series. */
    Checked check(List<Item> items, ZoneId zone, WriteMode mode) {
        PointBatch.Builder batch = PointBatch.builder(items.size());
        List<TempoDbWire.Status> statuses = new ArrayList<>(items.size());
        int[] itemOfPoint = new int[items.size()];
        Times times = new Times(zone);
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            List<String> messages = new ArrayList<>(2);
            double value = value(item, mode, messages);
            SeriesRef ref = refOrNull(item);
            if (ref == null) {
                messages.add(NO_SERIES);
            }
            long micros = times.micros(item.t(), messages);
            if (!messages.isEmpty()) {
                statuses.add(new TempoDbWire.Status("422", messages));
                continue;
            }
            itemOfPoint[batch.size()] = i;
            batch.add(ref, micros, value);
            statuses.add(TempoDbWire.Status.OK);
        }
        return new Checked(batch.build(), statuses, itemOfPoint);
    }

    /** Single-series and bulk writes: the first bad item refuses the whole request. */
    PointBatch allOrNothing(List<Item> items, Function<Item, SeriesRef> refOf, String sharedTime, ZoneId zone,
            WriteMode mode) {
        PointBatch.Builder batch = PointBatch.builder(items.size());
        Times times = new Times(zone);
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            List<String> messages = new ArrayList<>(2);
            double value = value(item, mode, messages);
            SeriesRef ref = refOf.apply(item);
            if (ref == null) {
                messages.add(NO_SERIES);
            }
            long micros = times.micros(sharedTime != null ? sharedTime : item.t(), messages);
            if (!messages.isEmpty()) {
                throw new InvalidRequestException(ErrorCode.INVALID_FIELD, "point " + i + ": "
                        + String.join("; ", messages) + "; nothing was written", Map.of("field", "data"));
            }
            batch.add(ref, micros, value);
        }
        return batch.build();
    }

    /** Bulk writes name series by id, which must exist (all-or-nothing). */
    void requireKnownIds(ProjectId project, PointBatch batch) {
        for (int i = 0; i < batch.size(); i++) {
            if (batch.ref(i) instanceof SeriesRef.ById && series.find(project, batch.ref(i)).isEmpty()) {
                throw new NotFoundException(ErrorCode.SERIES_NOT_FOUND, "no series with " + batch.ref(i)
                        + "; nothing was written");
            }
        }
    }

    static SeriesRef refOf(Item item) {
        return refOrNull(item);
    }

    private static SeriesRef refOrNull(Item item) {
        if (item.id() != null && !item.id().isEmpty()) {
            return SeriesRef.id(item.id());
        }
        if (item.key() != null && !item.key().isEmpty()) {
            return SeriesRef.key(item.key());
        }
        return null;
    }

    private static double value(Item item, WriteMode mode, List<String> messages) {
        if (!item.hasValue() && mode == WriteMode.INCREMENT) {
            return 1;
        }
        if (!Double.isFinite(item.v())) {
            messages.add(NO_VALUE);
        }
        return item.v();
    }

    /** Times of one request: consecutive items usually repeat a time, which is then parsed once. */
    private final class Times {
        private final ZoneId zone;
        private final long now = EpochMicros.of(clock.instant());
        private String lastText;
        private long lastMicros;

        Times(ZoneId zone) {
            this.zone = zone;
        }

        long micros(String text, List<String> messages) {
            if (text == null) {
                return now;
            }
            if (!text.equals(lastText)) {
                try {
                    lastMicros = TempoDbTime.micros(text, zone, "t");
                    lastText = text;
                } catch (InvalidRequestException e) {
                    messages.add(BAD_TIME);
                    return 0;
                }
            }
            return lastMicros;
        }
    }
}
