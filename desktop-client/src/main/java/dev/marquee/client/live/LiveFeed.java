package dev.marquee.client.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.model.Json;
import dev.marquee.model.live.AvailabilityMessage;
import dev.marquee.model.live.LiveRequest;
import dev.marquee.model.live.OfferMessage;
import dev.marquee.model.live.QueueMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The one WebSocket to the server's {@code /ws}. It subscribes to the watched shows (the server answers each
 * with a snapshot), passes every push to the dispatcher, and when the connection drops it says so and keeps
 * reconnecting with backoff; after a reconnect it subscribes again, and the snapshots resynchronise the screens.
 * Signed in, it sends its token first on every connection ({@code auth}), so the user's own waiting-list offers
 * reach it too.
 */
public final class LiveFeed implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LiveFeed.class.getName());
    private static final ObjectMapper JSON = Json.newMapper();

    private final HttpClient http;
    private final URI endpoint;
    private final LiveDispatcher dispatcher;
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10));
    private final Set<Long> watched = ConcurrentHashMap.newKeySet();
    private volatile String token;
    /** The last send, for the next one to wait on. */
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private volatile WebSocket socket;
    private volatile boolean closed;

    public LiveFeed(HttpClient http, URI server, LiveDispatcher dispatcher) {
        this.http = http;
        this.endpoint = webSocketAddress(server);
        this.dispatcher = dispatcher;
    }

    /** http://host:port becomes ws://host:port/ws (https: wss). */
    static URI webSocketAddress(URI server) {
        String scheme = "https".equalsIgnoreCase(server.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + server.getRawAuthority() + "/ws");
    }

    public void start() {
        connect();
    }

    /** The signed-in user's token: sent now if connected, and on every connection after. */
    public void signIn(String bearerToken) {
        token = bearerToken;
        WebSocket open = socket;
        if (open != null && bearerToken != null) {
            send(open, new LiveRequest(LiveRequest.AUTH, null, bearerToken));
        }
    }

    /** Adds shows to follow; those already followed are not asked for again. */
    public void watch(Collection<Long> showIds) {
        List<Long> fresh = new ArrayList<>();
        for (Long id : showIds) {
            if (watched.add(id)) {
                fresh.add(id);
            }
        }
        WebSocket open = socket;
        if (open != null && !fresh.isEmpty()) {
            subscribe(open, fresh);
        }
    }

    @Override
    public void close() {
        closed = true;
        WebSocket open = socket;
        if (open != null) {
            open.sendClose(WebSocket.NORMAL_CLOSURE, "signed out");
        }
    }

    private void connect() {
        if (closed) {
            return;
        }
        http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(endpoint, new Listener())
                .whenComplete((opened, failure) -> {
                    if (failure != null) {
                        retryLater();
                        return;
                    }
                    socket = opened;
                    backoff.reset();
                    dispatcher.connected(true);
                    String signedIn = token;
                    if (signedIn != null) {
                        send(opened, new LiveRequest(LiveRequest.AUTH, null, signedIn));
                    }
                    if (!watched.isEmpty()) {
                        subscribe(opened, List.copyOf(watched));
                    }
                });
    }

    private void retryLater() {
        socket = null;
        if (closed) {
            return;
        }
        dispatcher.connected(false);
        Duration wait = backoff.next();
        CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS).execute(this::connect);
    }

    private void subscribe(WebSocket open, List<Long> showIds) {
        send(open, new LiveRequest(LiveRequest.SUBSCRIBE, showIds));
    }

    /**
     * Sends after the sends before it have gone out: the socket refuses a text while another is still being sent,
     * and the sign-in and the subscriptions of a new connection go one after the other.
     */
    private synchronized void send(WebSocket open, LiveRequest request) {
        String text;
        try {
            text = JSON.writeValueAsString(request);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a " + request.type() + " request", e);
        }
        // A send that failed (its connection dropped) holds up nobody: the reconnect sends everything again.
        sending = sending.handle((sent, failed) -> null).thenCompose(previous -> open.sendText(text, true));
    }

    private void handle(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            String type = message.path("type").asText();
            if (AvailabilityMessage.SNAPSHOT.equals(type) || AvailabilityMessage.AVAILABILITY.equals(type)) {
                dispatcher.received(JSON.treeToValue(message, AvailabilityMessage.class));
            } else if (QueueMessage.QUEUE.equals(type)) {
                dispatcher.received(JSON.treeToValue(message, QueueMessage.class));
            } else if ("offer".equals(type)) {
                dispatcher.received(JSON.treeToValue(message, OfferMessage.class));
            } else if ("error".equals(type)) {
                LOG.log(System.Logger.Level.WARNING, "Live server refused a request: {0}", text);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Unreadable live message ignored", e);
        }
    }

    /** Reads whole messages (they may arrive in parts) and notices when the connection ends. */
    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                handle(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            retryLater();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            retryLater();
        }
    }
}
