package io.cairn.core.series;

/** What a written value does to a point already stored at the same series and time. */
public enum WriteMode {
    /** The new value replaces it. */
    REPLACE,
    /** The new value is added to it (atomically: concurrent increments never lose one). */
    INCREMENT
}
