/**
 * Cached datasets: an analysis with an interval, precomputed for every value of its index properties and every
 * bucket of its (relative) timeframe, and kept up to date incrementally as events arrive, so that a result for one
 * index value is a lookup instead of a scan. The definitions' language is plugged in by the dialect that speaks it
 * ({@link io.cairn.core.dataset.DatasetLanguage}).
 */
package io.cairn.core.dataset;
