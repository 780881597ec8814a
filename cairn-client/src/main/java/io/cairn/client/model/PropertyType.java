package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

/**
 * The type of an event property as an event collection's schema reports it ({@link Collection#properties()}).
 * {@link #UNKNOWN} stands for any type name this SDK does not know, e.g. one added by a newer server, so that
 * reading a schema never fails on it.
 */
public enum PropertyType {
    /** Text; wire name {@code string}. */
    STRING("string"),
    /** A number, integer or not; wire name {@code num}. */
    NUMBER("num"),
    /** True or false; wire name {@code bool}. */
    BOOLEAN("bool"),
    /** An ISO-8601 date-time, such as {@code keen.timestamp}; wire name {@code datetime}. */
    DATETIME("datetime"),
    /** A JSON array; wire name {@code list}. */
    LIST("list"),
    /** Only ever null; wire name {@code null}. */
    NULL("null"),
    /** A type this SDK does not know; wire name {@code unknown}, never sent by a server. */
    UNKNOWN("unknown");

    private final String wireName;

    PropertyType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The name used on the wire, e.g. {@code num}.
     *
     * @return the wire name; never null
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Looks up a type by its wire name; never fails.
     *
     * @param wireName the name as sent by the server; never null
     * @return the type, or {@link #UNKNOWN} when the name is not one of the others'
     * @throws NullPointerException if {@code wireName} is null
     */
    public static PropertyType fromWireName(String wireName) {
        requireNonNull(wireName, "wireName is null");
        for (PropertyType type : values()) {
            if (type != UNKNOWN && type.wireName.equals(wireName)) {
                return type;
            }
        }
        return UNKNOWN;
    }
}
