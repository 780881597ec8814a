/** Operations endpoints that are always on: {@code /health} and {@code /metrics} (Prometheus text). */
package io.cairn.server.ops;
