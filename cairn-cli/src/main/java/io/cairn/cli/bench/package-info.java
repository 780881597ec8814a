/**
 * The benchmark command's machinery: realistic event generation, a server in a child process, latency
 * percentiles, and each benchmark next to its in-process engine baseline measured in the same run.
 */
package io.cairn.cli.bench;
