/**
 * Cairn's core: domain records and services, the query model, and the storage SPI with its embedded DuckDB
 * implementation. Knows nothing of HTTP or of any vendor's wire format; must not import Javalin, the server or
 * the client.
 */
package io.cairn.core;
