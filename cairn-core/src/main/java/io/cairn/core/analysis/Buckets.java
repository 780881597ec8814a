package io.cairn.core.analysis;

import io.cairn.core.model.TimeRange;
import io.cairn.core.storage.SqlDialect;
import java.util.List;

/** The bucket starts of a multi-unit interval as a table, for joining events to their bucket as of their time. */
public final class Buckets {

    private Buckets() {}

    /** {@code WITH bucket_starts(s) AS (VALUES ...)}. */
    public static String startsTable(List<TimeRange> buckets, SqlDialect dialect) {
        StringBuilder values = new StringBuilder("WITH bucket_starts(s) AS (VALUES ");
        for (int i = 0; i < buckets.size(); i++) {
            values.append(i == 0 ? "" : ", ").append('(').append(dialect.timestampLiteral(buckets.get(i).start()))
                    .append(')');
        }
        return values.append(") ").toString();
    }
}
