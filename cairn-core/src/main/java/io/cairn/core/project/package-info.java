/**
 * Projects (the tenants), their keys, roles and scopes, and turning a credential into a {@link
 * io.cairn.core.project.Principal}. Secrets are only ever stored hashed (and, where a wire format needs the
 * plaintext, encrypted with the data directory's keyring).
 */
package io.cairn.core.project;
