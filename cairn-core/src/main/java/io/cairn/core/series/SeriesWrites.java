package io.cairn.core.series;

import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.storage.RowBatch;
import io.cairn.core.storage.WriteSession;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A write's points resolved to series numbers and ordered by series and time (resolving on the request thread), then
 * applied inside one write unit. Applying copies what it changes, so a unit the writer re-runs gives the same result.
 */
final class SeriesWrites {

    /** Points sorted by series, time, and arrival; {@code refused} are the indexes of points not written. */
    record Resolved(long[] series, long[] micros, double[] values, Map<Integer, String> refused) {
        int size() {
            return series.length;
        }
    }

    private SeriesWrites() {}

    static Resolved resolve(PointBatch batch, Function<SeriesRef, Optional<Long>> resolver) {
        int n = batch.size();
        long[] numbers = new long[n];
        Map<SeriesRef, Optional<Long>> known = new HashMap<>();
        Map<Integer, String> refused = new HashMap<>();
        int valid = 0;
        for (int i = 0; i < n; i++) {
            SeriesRef ref = batch.ref(i);
            Optional<Long> number;
            try {
                number = known.computeIfAbsent(ref, resolver);
            } catch (InvalidRequestException e) {
                refused.put(i, e.getMessage());
                continue;
            }
            if (number.isEmpty()) {
                refused.put(i, "no series with " + ref);
                continue;
            }
            numbers[i] = number.get();
            valid++;
        }
        Integer[] order = new Integer[valid];
        for (int i = 0, k = 0; i < n; i++) {
            if (!refused.containsKey(i)) {
                order[k++] = i;
            }
        }
        // Stable on arrival, so among points at one time the last written wins.
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> numbers[i]).thenComparingLong(batch::micros));
        long[] series = new long[valid];
        long[] micros = new long[valid];
        double[] values = new double[valid];
        for (int k = 0; k < valid; k++) {
            series[k] = numbers[order[k]];
            micros[k] = batch.micros(order[k]);
            values[k] = batch.value(order[k]);
        }
        return new Resolved(series, micros, values, refused);
    }

    static void apply(WriteSession session, ProjectSeries state, Resolved points, WriteMode mode) {
        RowBatch.Builder rows = RowBatch.builder(SeriesTables.POINT_COLUMNS, points.size());
        long[] times = new long[points.size()];
        double[] values = new double[points.size()];
        int start = 0;
        while (start < points.size()) {
            long series = points.series()[start];
            int count = 0;
            int i = start;
            for (; i < points.size() && points.series()[i] == series; i++) {
                long micros = points.micros()[i];
                double value = points.values()[i];
                if (count > 0 && times[count - 1] == micros) {
                    values[count - 1] = mode == WriteMode.INCREMENT ? values[count - 1] + value : value;
                } else {
                    times[count] = micros;
                    values[count++] = value;
                }
            }
            state.writeSorted(session, series, times, values, count, mode);
            for (int k = 0; k < count; k++) {
                rows.setLong(0, series).setLong(1, times[k]).setDouble(2, values[k]).endRow();
            }
            start = i;
        }
        session.append(SeriesTables.FRESH, rows.build());
    }
}
