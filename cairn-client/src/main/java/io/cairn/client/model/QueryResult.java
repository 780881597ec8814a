package io.cairn.client.model;

/**
 * What any Keen query answers: an {@link AnalysisResult} for the metrics and multi-analyses, a {@link FunnelResult}
 * for a funnel, an {@link ExtractionResult} for an extraction. A saved query's result is one of them, by its
 * analysis type; consume it with a {@code switch}. Immutable and thread-safe.
 */
public sealed interface QueryResult permits AnalysisResult, FunnelResult, ExtractionResult {}
