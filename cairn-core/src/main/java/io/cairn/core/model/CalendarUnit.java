package io.cairn.core.model;

/** Units of calendar time for intervals and timeframes; days and longer follow the calendar of a time zone. */
public enum CalendarUnit {
    MINUTE,
    HOUR,
    DAY,
    WEEK,
    MONTH,
    YEAR
}
