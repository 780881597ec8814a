package io.cairn.core.analysis;

import io.cairn.core.event.CollectionSchema;
import io.cairn.core.storage.SqlDialect;

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
            case Metric.Median median -> dialect.quantile(number(schema, median.target(), dialect), 0.5);
            case Metric.Percentile p -> dialect.quantile(number(schema, p.target(), dialect), p.percentile() / 100);
            case Metric.StandardDeviation sd -> dialect.standardDeviation(number(schema, sd.target(), dialect));
            case Metric.SelectUnique select -> dialect.distinctValuesJson(
                    Properties.value(schema, select.target(), dialect));
        };
    }

    private static String number(CollectionSchema schema, String path, SqlDialect dialect) {
        return Properties.number(schema, path, dialect).orElse("CAST(NULL AS DOUBLE)");
    }
}
