/**
 * Events: parsing and validating incoming events, the per-collection columnar schema and its evolution, ingestion
 * through the project's writer with idempotency, collection listing and deletes (later: analyses). Knows nothing of
 * any vendor's envelope or error names; the Keen dialect maps to and from these types.
 */
package io.cairn.core.event;
