/**
 * Time series: series metadata (id, key, name, tags, attributes), datapoints written, replaced and incremented
 * through the project's writer, half-open range reads with rollups and summaries streamed to a sink, range deletes.
 * Knows nothing of any vendor's wire format; the TempoDB dialect maps to and from these types.
 */
package io.cairn.core.series;
