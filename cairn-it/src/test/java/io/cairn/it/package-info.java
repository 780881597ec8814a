/**
 * End-to-end tests: the real server with the SDK and the CLI, restarts, and durability under {@code kill -9}.
 */
package io.cairn.it;
