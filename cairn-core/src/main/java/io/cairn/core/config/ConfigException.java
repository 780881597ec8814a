package io.cairn.core.config;

/** A configuration value that cannot be used; the message names the key, the value, its source and what was expected. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
