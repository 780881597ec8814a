/**
 * The Keen IO dialect ({@code /3.0/projects/{project_id}/...}): events today, analyses next. Keys arrive raw in the
 * {@code Authorization} header or as {@code ?api_key=}; errors are {@code {"message", "error_code"}} with Keen's
 * CamelCase error names, which Keen's clients require.
 */
package io.cairn.server.dialect.keen;
