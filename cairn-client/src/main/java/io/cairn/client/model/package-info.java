/**
 * The SDK's own value types: projects, keys and key roles for the admin API; events, batch results, collection
 * schemas, filters and timeframes for the events API. Plain immutable records with no wire annotations; they never
 * import anything of the server or the core.
 */
package io.cairn.client.model;
