package io.cairn.client.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.util.Base64;

/**
 * How one request proves who it is. Each call picks the style its wire format uses: the admin API a bearer token,
 * Keen the raw key, Redash {@code Key <key>}, TempoDB HTTP Basic. Immutable and thread-safe; {@code toString()}
 * never shows a credential.
 */
public sealed interface Auth {

    /**
     * No credential.
     *
     * @return the shared empty credential; never null
     */
    static Auth none() {
        return None.INSTANCE;
    }

    /**
     * {@code Authorization: Bearer <token>}.
     *
     * @param token the token; never null
     * @return the credential; never null
     * @throws NullPointerException if {@code token} is null
     */
    static Auth bearer(String token) {
        return scheme("Bearer", token);
    }

    /**
     * {@code Authorization: <key>}, the key alone with no scheme.
     *
     * @param key the key; never null
     * @return the credential; never null
     * @throws NullPointerException if {@code key} is null
     */
    static Auth raw(String key) {
        return new Header("Authorization", requireNonNull(key, "key is null"));
    }

    /**
     * {@code Authorization: <scheme> <credentials>}, e.g. {@code Key abc}.
     *
     * @param scheme the scheme name; never null
     * @param credentials what follows the scheme; never null
     * @return the credential; never null
     * @throws NullPointerException if an argument is null
     */
    static Auth scheme(String scheme, String credentials) {
        requireNonNull(scheme, "scheme is null");
        requireNonNull(credentials, "credentials is null");
        return new Header("Authorization", scheme + " " + credentials);
    }

    /**
     * {@code Authorization: Basic base64(<user>:<password>)}, with UTF-8 bytes.
     *
     * @param user the user name or key id; never null
     * @param password the password or secret; never null
     * @return the credential; never null
     * @throws NullPointerException if an argument is null
     */
    static Auth basic(String user, String password) {
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        return scheme("Basic", Base64.getEncoder().encodeToString((user + ":" + password).getBytes(UTF_8)));
    }

    /** The absence of a credential. */
    enum None implements Auth {
        /** The one instance. */
        INSTANCE
    }

    /**
     * A credential sent as one request header.
     *
     * @param name the header name; never null
     * @param value the header value, a secret; never null
     */
    record Header(String name, String value) implements Auth {

        /**
         * Creates a header credential.
         *
         * @throws NullPointerException if an argument is null
         */
        public Header {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
        }

        /**
         * Names the header and masks its value.
         *
         * @return e.g. {@code Header[Authorization: ***]}; never null
         */
        @Override
        public String toString() {
            return "Header[" + name + ": ***]";
        }
    }
}
