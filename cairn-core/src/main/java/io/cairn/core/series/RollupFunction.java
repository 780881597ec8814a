package io.cairn.core.series;

/** How the points of one rollup bucket fold into one value. */
public enum RollupFunction {
    SUM,
    MAX,
    MIN,
    MEAN,
    /** Population standard deviation. */
    STDDEV,
    COUNT,
    /** The value of the bucket's earliest point. */
    FIRST,
    /** The value of the bucket's latest point. */
    LAST,
    /** Maximum minus minimum. */
    RANGE
}
