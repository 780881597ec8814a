package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * A saved query's result, with the saved query it came from and, when the server answered from its cache, how old
 * the result is. Immutable and thread-safe.
 *
 * @param savedQuery the saved query; never null
 * @param result the result, shaped by the query's analysis type: an {@link AnalysisResult} (with values typed as
 *     that class describes for saved queries), a {@link FunnelResult} or an {@link ExtractionResult}; never null
 * @param age how long ago the cached result was computed (the HTTP {@code Age} header); empty when the server
 *     computed it for this request or did not say
 */
public record SavedQueryResult(SavedQuery savedQuery, QueryResult result, Optional<Duration> age) {

    /**
     * Creates a result value.
     *
     * @throws NullPointerException if an argument is null
     */
    public SavedQueryResult {
        requireNonNull(savedQuery, "savedQuery is null");
        requireNonNull(result, "result is null");
        requireNonNull(age, "age is null");
    }

    /**
     * The result of a metric analysis or multi-analysis.
     *
     * @return the result; never null
     * @throws IllegalStateException if the saved query is a funnel or an extraction
     */
    public AnalysisResult<Object> analysisResult() {
        if (result instanceof AnalysisResult<?> analysis) {
            @SuppressWarnings("unchecked") // every value is an Object
            AnalysisResult<Object> values = (AnalysisResult<Object>) analysis;
            return values;
        }
        throw new IllegalStateException("saved query " + savedQuery.name() + " is a "
                + savedQuery.query().analysisType().wireName() + ", not a metric analysis");
    }

    /**
     * The result of a funnel.
     *
     * @return the result; never null
     * @throws IllegalStateException if the saved query is not a funnel
     */
    public FunnelResult funnelResult() {
        if (result instanceof FunnelResult funnel) {
            return funnel;
        }
        throw new IllegalStateException("saved query " + savedQuery.name() + " is a "
                + savedQuery.query().analysisType().wireName() + ", not a funnel");
    }
}
