/**
 * The one unchecked error hierarchy of the core: {@link io.cairn.core.error.CairnException} and its kinds, each
 * carrying a stable {@link io.cairn.core.error.ErrorCode}. Dialects map these kinds to their own wire errors.
 */
package io.cairn.core.error;
