package io.cairn.client.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A scripted HTTP server on a free loopback port: answers each request with the next queued reply and records
 * what it received, so tests can check both what the SDK sent and how it handled the answer.
 */
public final class StubServer implements AutoCloseable {

    /** A request as the server saw it. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst())
                    .findFirst();
        }
    }

    /** Computes the answer to a request for which no reply is queued; may block to hold the request open. */
    @FunctionalInterface
    public interface Responder {
        Answer respond(Received request) throws InterruptedException;
    }

    /** An answer computed by a {@link Responder}. */
    public record Answer(int status, String body) {}

    private record Reply(int status, String body, Duration delay, String... headers) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Queue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Responder responder = request -> new Answer(500, "no reply queued");

    private StubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static StubServer start() {
        try {
            return new StubServer();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the stub server", e);
        }
    }

    /** Queues a reply; {@code headers} are name, value pairs. */
    public StubServer reply(int status, String body, String... headers) {
        replies.add(new Reply(status, body, Duration.ZERO, headers));
        return this;
    }

    /** Queues a reply sent only after {@code delay}, to make a client time out. */
    public StubServer replyAfter(Duration delay, int status, String body) {
        replies.add(new Reply(status, body, delay));
        return this;
    }

    /** Answers every request for which no reply is queued; the responder runs on the server's threads. */
    public StubServer respondWith(Responder responder) {
        this.responder = responder;
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received lastReceived() {
        return received.getLast();
    }

    /** Asserts that the last request was {@code method path} carrying {@code key} in Authorization, and returns it. */
    public Received assertLastSent(String method, String path, String key) {
        Received last = lastReceived();
        assertThat(last.method()).isEqualTo(method);
        assertThat(last.path()).isEqualTo(path);
        assertThat(last.header("Authorization")).contains(key);
        return last;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
            received.add(request);
            Reply reply = replies.poll();
            if (reply == null) {
                Answer answer = responder.respond(request);
                reply = new Reply(answer.status(), answer.body(), Duration.ZERO);
            }
            Thread.sleep(reply.delay());
            for (int i = 0; i < reply.headers().length; i += 2) {
                exchange.getResponseHeaders().add(reply.headers()[i], reply.headers()[i + 1]);
            }
            byte[] bytes = reply.body().getBytes(UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
