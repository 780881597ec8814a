/** The one scheduler of periodic work: cached-query refreshes, cached-dataset upkeep, and later the other APIs' schedules. */
package io.cairn.core.schedule;
