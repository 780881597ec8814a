/**
 * The storage SPI: what the core needs from an engine, with no vendor types. {@link
 * io.cairn.core.storage.StorageEngine} is the root; {@link io.cairn.core.storage.Catalog} keeps projects and keys;
 * {@link io.cairn.core.storage.ProjectStore} runs one project's reads and group-committed writes; {@link
 * io.cairn.core.storage.SqlDialect} is the one place engine SQL is spelled. Implementations live in sub-packages
 * ({@code duckdb}); nothing here may import them.
 */
package io.cairn.core.storage;
