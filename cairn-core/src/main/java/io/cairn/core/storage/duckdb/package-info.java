/**
 * The embedded storage engine: DuckDB files in the data directory, one per project plus the catalog. The only
 * package that sees {@code org.duckdb} or {@code java.sql.SQLException}; everything leaves it as core types and
 * {@link io.cairn.core.error.CairnException}s.
 */
package io.cairn.core.storage.duckdb;
