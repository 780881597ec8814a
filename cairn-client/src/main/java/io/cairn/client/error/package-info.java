/**
 * The SDK's unchecked exceptions. {@link io.cairn.client.error.CairnClientException} is the base of everything a
 * call can throw besides argument and state checks; {@link io.cairn.client.error.CairnApiException} and its
 * subclasses are answers from the server, by what a caller branches on; {@link
 * io.cairn.client.error.CairnConnectionException} is a request that got no answer; {@link
 * io.cairn.client.error.QueueFullException} is an event a buffering writer had no room for.
 */
package io.cairn.client.error;
