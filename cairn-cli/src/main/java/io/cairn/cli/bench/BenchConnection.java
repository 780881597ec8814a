package io.cairn.cli.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * One kept-alive HTTP/1.1 connection that sends requests and reads the answers whole: the benchmarks' client.
 *
 * <p>Why not {@code java.net.http}: on the 2-core machine it spent about 300 µs of CPU per request, more than the
 * server, so single-event runs measured the client, and reading a 400 KB answer cost it milliseconds. This one
 * writes a request with one system call and parses only the status line, {@code Content-Length},
 * {@code Transfer-Encoding} and {@code Connection}. Not thread-safe: one per client thread.
 */
final class BenchConnection implements AutoCloseable {

    /**
     * An answer: status and the first {@code length} bytes of {@code body}. The body is the connection's own buffer,
     * reused by its next request, so that reading a large answer costs neither a new array nor a copy per request.
     */
    record Response(int status, byte[] body, int length) {

        String text() {
            return new String(body, 0, length, StandardCharsets.UTF_8);
        }

        /** The body's length in bytes, or an exception with the body when the status is not 200. */
        int ok() {
            if (status != 200) {
                throw new IllegalStateException("HTTP " + status + ": " + text());
            }
            return length;
        }
    }

    private final URI server;
    private final String authorization;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private byte[] received = new byte[64 * 1024];
    private int receivedLength;

    /** A connection to the server of {@code server} (its path is ignored) that sends these credentials. */
    BenchConnection(URI server, String authorization) {
        this.server = server;
        this.authorization = authorization;
    }

    /** Posts a JSON body to a path (with its query, if any). */
    Response post(String pathAndQuery, byte[] body) throws IOException {
        return send("POST " + pathAndQuery, body);
    }

    Response get(String pathAndQuery) throws IOException {
        return send("GET " + pathAndQuery, null);
    }

    private Response send(String requestLine, byte[] body) throws IOException {
        if (socket == null) {
            connect();
        }
        StringBuilder head = new StringBuilder(256).append(requestLine).append(" HTTP/1.1\r\nHost: ")
                .append(server.getHost()).append(':').append(server.getPort())
                .append("\r\nAuthorization: ").append(authorization).append("\r\n");
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        if (body != null) {
            out.write(body);
        }
        out.flush();
        return read();
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 10_000);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    private Response read() throws IOException {
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, Math.max(0, colon)).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        receivedLength = 0;
        if (chunked) {
            chunkedBody();
        } else if (length >= 0) {
            receive(Math.toIntExact(length));
        } else {
            for (int read = 0; read >= 0; ) {
                room(64 * 1024);
                read = in.read(received, receivedLength, received.length - receivedLength);
                receivedLength += Math.max(0, read);
            }
        }
        if (close || (!chunked && length < 0)) {
            close();
        }
        return new Response(status, received, receivedLength);
    }

    private void chunkedBody() throws IOException {
        for (int size = chunkSize(); size > 0; size = chunkSize()) {
            receive(size);
            line();
        }
        for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
            // trailers carry nothing the benchmark needs
        }
    }

    /** Appends exactly {@code count} bytes of the answer to {@link #received}. */
    private void receive(int count) throws IOException {
        room(count);
        if (in.readNBytes(received, receivedLength, count) < count) {
            throw new EOFException("the server closed the connection inside an answer");
        }
        receivedLength += count;
    }

    private void room(int count) {
        if (receivedLength + count > received.length) {
            received = Arrays.copyOf(received, Math.max(2 * received.length, receivedLength + count));
        }
    }

    private int chunkSize() throws IOException {
        String line = line();
        int extension = line.indexOf(';');
        return Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
