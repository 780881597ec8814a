package io.cairn.core.series;

import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.storage.RowBatch;
import io.cairn.core.storage.WriteSession;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A write's points resolved to series numbers and grouped by series in time order (on the request thread), then
 * applied inside one write unit. Applying copies what it changes, so a unit the writer re-runs gives the same result.
 */
final class SeriesWrites {

    /**
     * Points grouped by series (each group in time order, ties in arrival order); {@code refused} are the indexes of
     * points not written.
     */
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
        int[] order = order(batch, numbers, refused, valid);
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

    /**
     * The indexes of the valid points by series (in order of first appearance), then time, then arrival, so that
     * among points at one time the last written wins. Points usually arrive in time order per series, which is only
     * checked, not sorted.
     */
    private static int[] order(PointBatch batch, long[] numbers, Map<Integer, String> refused, int valid) {
        Map<Long, int[]> bySeries = new LinkedHashMap<>();
        Map<Long, Integer> sizes = new HashMap<>();
        for (int i = 0; i < numbers.length; i++) {
            if (!refused.isEmpty() && refused.containsKey(i)) {
                continue;
            }
            long number = numbers[i];
            int size = sizes.merge(number, 1, Integer::sum) - 1;
            int[] indexes = bySeries.get(number);
            if (indexes == null || size == indexes.length) {
                indexes = indexes == null ? new int[8] : Arrays.copyOf(indexes, indexes.length * 2);
                bySeries.put(number, indexes);
            }
            indexes[size] = i;
        }
        int[] order = new int[valid];
        int at = 0;
        for (Map.Entry<Long, int[]> group : bySeries.entrySet()) {
            int size = sizes.get(group.getKey());
            int[] indexes = group.getValue();
            if (!inTimeOrder(batch, indexes, size)) {
                Integer[] boxed = new Integer[size];
                for (int k = 0; k < size; k++) {
                    boxed[k] = indexes[k];
                }
                Arrays.sort(boxed, Comparator.comparingLong(batch::micros));
                for (int k = 0; k < size; k++) {
                    indexes[k] = boxed[k];
                }
            }
            System.arraycopy(indexes, 0, order, at, size);
            at += size;
        }
        return order;
    }

    private static boolean inTimeOrder(PointBatch batch, int[] indexes, int size) {
        for (int k = 1; k < size; k++) {
            if (batch.micros(indexes[k]) < batch.micros(indexes[k - 1])) {
                return false;
            }
        }
        return true;
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
