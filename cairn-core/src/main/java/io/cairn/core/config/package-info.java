/**
 * Typed reading of flat configuration properties ({@code http.port=8080}) into config records. Knows nothing of
 * where the properties came from beyond a label per value; the layering of sources lives in the CLI.
 */
package io.cairn.core.config;
