package io.cairn.server.http;

/**
 * The wire forms in which a request can carry a project key. Each dialect lists the ones its clients use.
 */
public enum CredentialStyle {
    /** {@code Authorization: <secret>}, the raw key with no scheme (Keen). */
    HEADER_KEY,
    /** {@code Authorization: Key <secret>} (Redash). */
    KEY_SCHEME,
    /** {@code Authorization: Bearer <token>} (ClicData OAuth tokens). */
    BEARER,
    /** {@code Authorization: Basic base64(id:secret)} (TempoDB). */
    BASIC,
    /** {@code ?api_key=<secret>} in the query string (Keen beacons, CARTO, Redash downloads). */
    QUERY_API_KEY
}
