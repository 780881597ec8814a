/**
 * The SDK's HTTP transport, shared by every sub-client: building URIs under the base URL, attaching the
 * credential style each call chooses, JSON encoding, retries, and turning error answers into exceptions. Not API:
 * public only so that the SDK's own packages can use it; it may change in any release. Uses only
 * {@code java.net.http} and Jackson.
 */
package io.cairn.client.internal;
