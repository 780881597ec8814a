/** Shared value types: ids, sizes, and (in later work) timeframes, filters, intervals and schemas. */
package io.cairn.core.model;
