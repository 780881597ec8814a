/** Shared value types: ids, sizes, column types, time zones, timeframes, intervals and filters. */
package io.cairn.core.model;
