/**
 * Cairn's HTTP server: the shared request plumbing ({@code http}), one package per wire dialect ({@code dialect}),
 * the admin API ({@code admin}) and {@code /health} and {@code /metrics} ({@code ops}). Calls the core with core
 * types only; must not import the storage implementation or the client.
 */
package io.cairn.server;
