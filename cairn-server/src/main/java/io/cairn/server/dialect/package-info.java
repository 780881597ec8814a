/**
 * The wire dialects: one sub-package per vendor API (keen, tempodb, carto, redash, clicdata), each a thin adapter
 * that parses the vendor's wire format, calls one core service, and renders the vendor's shapes and errors. No SQL,
 * no storage, no business rules here.
 */
package io.cairn.server.dialect;
