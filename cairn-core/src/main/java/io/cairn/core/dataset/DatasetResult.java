package io.cairn.core.dataset;

import static java.util.Objects.requireNonNull;

import io.cairn.core.analysis.AnalysisResult;

/** A dataset's answer for one index value: every bucket of the asked timeframe, empty ones included. */
public record DatasetResult(Dataset dataset, DatasetQuery query, AnalysisResult.Series series) {

    public DatasetResult {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(query, "query is null");
        requireNonNull(series, "series is null");
    }
}
