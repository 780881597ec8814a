/**
 * Plumbing shared by every dialect: request ids, credentials to principal, body limits and JSON parsing, the one
 * exception handler, problem details, access log. Dialects use these; nothing here knows a vendor's wire format.
 */
package io.cairn.server.http;
