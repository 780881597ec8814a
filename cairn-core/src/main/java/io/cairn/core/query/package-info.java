/**
 * Queries and results: queries saved under a name, in the language of the API that saved them, with an optional
 * refresh interval; and the one result cache that every cached query (Keen's saved and cached queries, later
 * Redash's query results) is served from. The query languages themselves are plugged in by the dialects that
 * speak them ({@link io.cairn.core.query.QueryLanguage}), so this package never reads a vendor's wire format.
 */
package io.cairn.core.query;
