/**
 * The append journal: small appends are made durable here, in a file of our own, and acknowledged before the
 * engine loads them in larger steps. Engine-neutral: an engine's writer owns one journal per database and decides
 * when to load.
 */
package io.cairn.core.storage.journal;
