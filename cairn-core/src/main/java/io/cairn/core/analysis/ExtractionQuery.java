package io.cairn.core.analysis;

import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.model.Filter;
import io.cairn.core.model.TimeRange;
import java.util.List;

/**
 * Raw events out of a collection, oldest first.
 *
 * @param timeframe     null for all time
 * @param latest        only the most recent this many events; null for all
 * @param propertyNames only these property paths (the automatic {@code keen.*} properties are always included);
 *                      empty for every property
 */
public record ExtractionQuery(String collection, List<Filter> filters, TimeRange timeframe, Integer latest,
        List<String> propertyNames) {

    public ExtractionQuery {
        if (collection == null || collection.isBlank()) {
            throw InvalidRequestException.missing("event_collection");
        }
        filters = List.copyOf(filters);
        propertyNames = List.copyOf(propertyNames);
        if (latest != null && latest < 1) {
            throw InvalidRequestException.field("latest", "latest must be a positive number");
        }
    }
}
