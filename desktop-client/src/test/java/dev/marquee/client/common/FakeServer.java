package dev.marquee.client.common;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the Marquee server that answers with canned contract JSON and records what it was asked,
 * so view models can be tested over real HTTP without a database.
 */
public final class FakeServer implements AutoCloseable {

    /**
     * What the client sent: enough to check the path, the token, the idempotency key and the body; query is
     * the raw query string ("" when none), for calls that say what they want in it.
     */
    public record Request(String method, String path, String authorization, String idempotencyKey, String body,
                          String query) {
    }

    /** A canned answer; a status of {@link #DROP} closes the connection without answering at all. */
    private record Answer(int status, String json) {
    }

    private static final int DROP = -1;

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Set<String> answersToLose = ConcurrentHashMap.newKeySet();

    private FakeServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeServer start() {
        try {
            return new FakeServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From now on, {@code method path} is answered with this status and body (null body: none). */
    public FakeServer answer(String method, String path, int status, String json) {
        answers.put(method + " " + path, new Answer(status, json));
        return this;
    }

    /** From now on, {@code method path} gets no answer: the connection is closed, as when a network fails. */
    public FakeServer dropConnection(String method, String path) {
        answers.put(method + " " + path, new Answer(DROP, null));
        return this;
    }

    /**
     * The next request to {@code method path} gets no answer (the connection is closed, as when a network fails after
     * the server did the work); the ones after it get the path's answer again, as a retry under the same key does.
     */
    public FakeServer loseNextAnswer(String method, String path) {
        answersToLose.add(method + " " + path);
        return this;
    }

    public URI uri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    /** A port that was free a moment ago: nothing listens there, so connecting is refused. */
    public static URI addressNobodyListensOn() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** What was sent to {@code method path}, oldest first. */
    public List<Request> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(method, path, exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Idempotency-Key"), body,
                exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery()));
        Answer answer = answers.getOrDefault(method + " " + path,
                new Answer(404, "{\"error\":\"NOT_FOUND\",\"message\":\"No such thing here.\"}"));
        if (answer.status() == DROP || answersToLose.remove(method + " " + path)) {
            exchange.close();
            return;
        }
        if (answer.json() == null) {
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
            return;
        }
        byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
