/**
 * The admin API ({@code /admin/v1}): projects and keys, guarded by the admin token, errors as RFC 9457 problem
 * details.
 */
package io.cairn.server.admin;
