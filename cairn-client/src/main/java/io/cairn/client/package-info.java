/**
 * The Cairn Java SDK: {@link io.cairn.client.Cairn}, the entry point, and its sub-clients ({@link
 * io.cairn.client.AdminClient} for projects and keys; {@link io.cairn.client.EventsClient} for events in Keen IO's
 * wire format, with the buffering {@link io.cairn.client.EventWriter}). Uses only the JDK's {@code java.net.http}
 * and Jackson; nothing of the server or the core.
 */
package io.cairn.client;
