/**
 * Analyses over event collections: metrics (count ... percentile, select_unique), group_by, intervals,
 * multi-analysis, extractions and funnels, compiled to engine SQL through the dialect. Results are core values;
 * the Keen dialect renders them in Keen's shapes.
 */
package io.cairn.core.analysis;
