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

    private static final int REFUSED = -1;

    private SeriesWrites() {}

    static Resolved resolve(PointBatch batch, Function<SeriesRef, Optional<Long>> resolver) {
        int n = batch.size();
        // Each distinct ref is resolved once, to a group per series number (refs by id and by key may meet there);
        // the points are then grouped with arrays, as a write carries tens of thousands of them.
        Map<SeriesRef, Integer> groupOfRef = new HashMap<>();
        Map<Long, Integer> groupOfNumber = new HashMap<>();
        Map<SeriesRef, String> refusals = new HashMap<>();
        long[] numbers = new long[16];
        int[] sizes = new int[16];
        int[] groupOfPoint = new int[n];
        Map<Integer, String> refused = new HashMap<>();
        for (int i = 0; i < n; i++) {
            SeriesRef ref = batch.ref(i);
            Integer group = groupOfRef.get(ref);
            if (group == null) {
                group = REFUSED;
                try {
                    Optional<Long> number = resolver.apply(ref);
                    if (number.isPresent()) {
                        group = groupOfNumber.computeIfAbsent(number.get(), unused -> groupOfNumber.size());
                        if (group == numbers.length) {
                            numbers = Arrays.copyOf(numbers, group * 2);
                            sizes = Arrays.copyOf(sizes, group * 2);
                        }
                        numbers[group] = number.get();
                    } else {
                        refusals.put(ref, "no series with " + ref);
                    }
                } catch (InvalidRequestException e) {
                    refusals.put(ref, e.getMessage());
                }
                groupOfRef.put(ref, group);
            }
            groupOfPoint[i] = group;
            if (group == REFUSED) {
                refused.put(i, refusals.get(ref));
            } else {
                sizes[group]++;
            }
        }
        int[] order = order(batch, groupOfPoint, sizes, groupOfNumber.size(), n - refused.size());
        long[] series = new long[order.length];
        long[] micros = new long[order.length];
        double[] values = new double[order.length];
        for (int k = 0; k < order.length; k++) {
            series[k] = numbers[groupOfPoint[order[k]]];
            micros[k] = batch.micros(order[k]);
            values[k] = batch.value(order[k]);
        }
        return new Resolved(series, micros, values, refused);
    }

    /**
     * The indexes of the valid points by group (groups numbered in order of first appearance), then time, then
     * arrival, so that among points at one time the last written wins. Points usually arrive in time order per series,
     * which is only checked, not sorted.
     */
    private static int[] order(PointBatch batch, int[] groupOfPoint, int[] sizes, int groups, int valid) {
        int[] starts = new int[groups + 1];
        for (int g = 0; g < groups; g++) {
            starts[g + 1] = starts[g] + sizes[g];
        }
        int[] order = new int[valid];
        int[] next = Arrays.copyOf(starts, groups);
        for (int i = 0; i < groupOfPoint.length; i++) {
            if (groupOfPoint[i] != REFUSED) {
                order[next[groupOfPoint[i]]++] = i;
            }
        }
        for (int g = 0; g < groups; g++) {
            if (!inTimeOrder(batch, order, starts[g], starts[g + 1])) {
                Integer[] boxed = new Integer[starts[g + 1] - starts[g]];
                for (int k = 0; k < boxed.length; k++) {
                    boxed[k] = order[starts[g] + k];
                }
                // A stable sort: among points at one time, arrival order stays.
                Arrays.sort(boxed, Comparator.comparingLong(batch::micros));
                for (int k = 0; k < boxed.length; k++) {
                    order[starts[g] + k] = boxed[k];
                }
            }
        }
        return order;
    }

    private static boolean inTimeOrder(PointBatch batch, int[] order, int from, int to) {
        for (int k = from + 1; k < to; k++) {
            if (batch.micros(order[k]) < batch.micros(order[k - 1])) {
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
