/**
 * The TempoDB API (the 0.x client's wire) under {@code /v1}: series metadata, point writes and increments (single,
 * bulk and multi with a 207 multi-status), rollup reads streamed as DataSets, range deletes. Parses the wire into
 * core series types and renders core results; no SQL and no storage access here.
 */
package io.cairn.server.dialect.tempodb;
