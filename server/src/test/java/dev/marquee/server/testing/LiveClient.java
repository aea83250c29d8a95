package dev.marquee.server.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A WebSocket client of {@code /ws} that keeps every message it receives, with the time it arrived. */
public final class LiveClient implements AutoCloseable {

    /** One received message and when it arrived. */
    public record Received(JsonNode message, long arrivedAtMillis) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final WebSocket socket;
    private volatile boolean paused;

    private LiveClient(String baseUrl, boolean pausedReader) {
        this.paused = pausedReader;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(baseUrl.replace("http://", "ws://") + "/ws"), new Listener())
                .join();
    }

    public static LiveClient connect(TestServer server) {
        return new LiveClient(server.baseUrl(), false);
    }

    /** A client that reads nothing until {@link #resume()}: the server's sends to it back up. */
    public static LiveClient connectStalled(TestServer server) {
        return new LiveClient(server.baseUrl(), true);
    }

    public LiveClient subscribe(long... showIds) {
        return send("subscribe", showIds);
    }

    public LiveClient unsubscribe(long... showIds) {
        return send("unsubscribe", showIds);
    }

    public void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<JsonNode> messages() {
        return received.stream().map(Received::message).toList();
    }

    /** The newest message about the show (snapshot or availability), or null. */
    public JsonNode latest(long showId) {
        List<JsonNode> all = messages();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).path("showId").asLong() == showId) {
                return all.get(i);
            }
        }
        return null;
    }

    public synchronized void resume() {
        paused = false;
        socket.request(Long.MAX_VALUE);
    }

    private LiveClient send(String type, long... showIds) {
        try {
            socket.sendText(ApiClient.MAPPER.writeValueAsString(Map.of("type", type, "showIds", showIds)), true).join();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    @Override
    public void close() {
        socket.abort();
    }

    /** Whether the server has not closed the connection (nor has it failed). */
    public boolean open() {
        return !socket.isInputClosed();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            if (!paused) {
                webSocket.request(Long.MAX_VALUE);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    received.add(new Received(ApiClient.MAPPER.readTree(partial.toString()), System.currentTimeMillis()));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("The server sent invalid JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            return CompletableFuture.completedFuture(null);
        }
    }
}
