/** Layering configuration sources (defaults, file, environment, flags) into one {@code ServerConfig}. */
package io.cairn.cli.config;
