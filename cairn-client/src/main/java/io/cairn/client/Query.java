package io.cairn.client;

import io.cairn.client.model.QueryDefinition;

/**
 * A Keen query built by {@link EventsClient}: a {@link MetricQuery} (the metrics and multi-analysis), a {@link
 * FunnelQuery} or an {@link ExtractionQuery}. Each is immutable: its methods return changed copies, so one query can
 * be kept, shared between threads, run many times, and {@link SavedQueriesClient#save(String, Query) saved}.
 */
public sealed interface Query permits MetricQuery, FunnelQuery, ExtractionQuery {

    /**
     * The query as data, after the checks Keen's own clients make (each query class lists them): what {@code run}
     * sends, and what a saved query stores.
     *
     * @return the definition; never null
     * @throws IllegalArgumentException if the query's parts do not go together; the message says which
     */
    QueryDefinition definition();
}
