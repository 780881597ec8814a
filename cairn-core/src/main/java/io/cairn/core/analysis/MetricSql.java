package io.cairn.core.analysis;

import io.cairn.core.event.CollectionSchema;
import io.cairn.core.storage.SqlDialect;
import java.util.Locale;

/** The aggregate expression of a metric; select_unique comes out as JSON text so that value types survive. */
final class MetricSql {

    private MetricSql() {}

    static String aggregate(Metric metric, CollectionSchema schema, SqlDialect dialect) {
        return switch (metric) {
            case Metric.Count count -> "count(*)";
            case Metric.CountUnique unique -> dialect.countDistinct(Properties.value(schema, unique.target(), dialect));
            case Metric.Sum sum -> "coalesce(sum(" + number(schema, sum.target(), dialect) + "), 0)";
            case Metric.Minimum min -> "min(" + number(schema, min.target(), dialect) + ")";
            case Metric.Maximum max -> "max(" + number(schema, max.target(), dialect) + ")";
            case Metric.Average average -> "avg(" + number(schema, average.target(), dialect) + ")";
            case Metric.Median median -> "quantile_cont(" + number(schema, median.target(), dialect) + ", 0.5)";
            case Metric.Percentile p -> "quantile_cont(" + number(schema, p.target(), dialect) + ", "
                    + String.format(Locale.ROOT, "%.10f", p.percentile() / 100) + ")";
            case Metric.StandardDeviation sd -> "stddev_pop(" + number(schema, sd.target(), dialect) + ")";
            case Metric.SelectUnique select -> "CAST(to_json(list_sort(list(DISTINCT "
                    + Properties.value(schema, select.target(), dialect) + "))) AS VARCHAR)";
        };
    }

    private static String number(CollectionSchema schema, String path, SqlDialect dialect) {
        return Properties.number(schema, path, dialect).orElse("CAST(NULL AS DOUBLE)");
    }
}
