/**
 * The {@code cairn} command: {@code serve} (the server on the embedded engine), admin commands that talk to a
 * running server through the SDK, and (later) import/export, benchmarks and operator tools. The only module that
 * picks the logging backend and reads the process environment.
 */
package io.cairn.cli;
