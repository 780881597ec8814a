package io.cairn.core.error;

import java.util.Locale;

/**
 * Stable, machine-readable error ids. The wire shows {@link #id()} (snake_case); the set only grows, and an id is
 * never reused for a different meaning.
 */
public enum ErrorCode {
    // bad input
    INVALID_JSON,
    INVALID_FIELD,
    MISSING_FIELD,
    UNSUPPORTED_MEDIA_TYPE,
    INVALID_CONFIGURATION,
    INVALID_EVENT,
    INVALID_PROPERTY_NAME,
    INVALID_COLLECTION_NAME,
    INVALID_FILTER,
    INVALID_TIMEFRAME,
    INVALID_TIMEZONE,
    INVALID_INTERVAL,
    TOO_MANY_BUCKETS,
    // credentials and permissions
    MISSING_CREDENTIALS,
    INVALID_CREDENTIALS,
    INSUFFICIENT_ROLE,
    // lookups
    ROUTE_NOT_FOUND,
    METHOD_NOT_ALLOWED,
    PROJECT_NOT_FOUND,
    KEY_NOT_FOUND,
    COLLECTION_NOT_FOUND,
    SAVED_QUERY_NOT_FOUND,
    DATASET_NOT_FOUND,
    SERIES_NOT_FOUND,
    // state
    PROJECT_NAME_TAKEN,
    CONCURRENT_CHANGE,
    SERIES_KEY_TAKEN,
    // limits
    BODY_TOO_LARGE,
    WRITE_QUEUE_FULL,
    // availability
    SHUTTING_DOWN,
    STORAGE_UNAVAILABLE,
    // bugs and storage failures
    INTERNAL,
    STORAGE_FAILURE;

    /** The id shown on the wire, e.g. {@code project_not_found}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
