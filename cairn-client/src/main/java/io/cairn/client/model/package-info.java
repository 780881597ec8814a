/**
 * The SDK's own value types for the admin API: projects, keys and key roles. Plain immutable records with no
 * wire annotations; they never import anything of the server or the core.
 */
package io.cairn.client.model;
