package io.cairn.client.internal;

/** The HTTP methods the SDK sends, and whether each may be retried safely. */
public enum Method {
    /** Read; idempotent. */
    GET,
    /** Read headers only; idempotent. */
    HEAD,
    /** Create or act; not idempotent, never retried. */
    POST,
    /** Replace; idempotent. */
    PUT,
    /** Delete; idempotent. */
    DELETE;

    /**
     * Whether sending the request twice has the same effect as sending it once, which is what makes a retry safe
     * after a failure that may have happened after the server acted.
     *
     * @return true for GET, HEAD, PUT and DELETE
     */
    public boolean idempotent() {
        return this != POST;
    }
}
