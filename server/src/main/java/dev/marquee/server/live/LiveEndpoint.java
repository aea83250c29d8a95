package dev.marquee.server.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.model.error.ErrorCode;
import dev.marquee.model.live.LiveError;
import dev.marquee.model.live.LiveRequest;
import dev.marquee.server.error.ApiException;
import dev.marquee.server.http.UpgradedConnections;
import io.helidon.common.buffers.BufferData;
import io.helidon.websocket.WsCloseCodes;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import java.util.HashSet;
import java.util.List;

/**
 * One WebSocket connection on {@code /ws}: reads subscribe and unsubscribe requests. Anything it cannot act on is
 * answered with an {@code error} message; the connection stays open.
 */
final class LiveEndpoint implements WsListener {

    private static final System.Logger LOG = System.getLogger(LiveEndpoint.class.getName());
    private static final int MAX_MESSAGE_CHARS = 64 * 1024;
    /** Show ids a connection may subscribe to at once, and then each second: browsing, not scanning. */
    static final int SUBSCRIBE_BURST = 200;
    static final int SUBSCRIBES_PER_SECOND = 20;

    private final LiveHub hub;
    private final PersonalPushes personal;
    private final ObjectMapper mapper;
    private final MessageText text;
    private final PushCounters pushes;
    private final StringBuilder partial = new StringBuilder();
    private final SubscribeAllowance allowance = new SubscribeAllowance(SUBSCRIBE_BURST, SUBSCRIBES_PER_SECOND,
            System::nanoTime);
    private LiveSession session;

    LiveEndpoint(LiveHub hub, PersonalPushes personal, ObjectMapper mapper, MessageText text, PushCounters pushes) {
        this.text = text;
        this.hub = hub;
        this.personal = personal;
        this.mapper = mapper;
        this.pushes = pushes;
    }

    @Override
    public void onOpen(WsSession socket) {
        session = new LiveSession(socket, text, pushes, hub.writers());
        hub.connected(session);
        UpgradedConnections.upgraded(() -> socket.close(WsCloseCodes.PROTOCOL_ERROR, "Unknown or malformed frame"));
    }

    @Override
    public void onMessage(WsSession socket, String text, boolean last) {
        if (partial.length() + text.length() > MAX_MESSAGE_CHARS) {
            partial.setLength(0);
            session.error(LiveError.of(ErrorCode.PAYLOAD_TOO_LARGE.name(), "Messages may be at most 64 KiB."));
            return;
        }
        partial.append(text);
        if (last) {
            String message = partial.toString();
            partial.setLength(0);
            handle(message);
        }
    }

    /** RFC 6455: a ping is answered with a pong carrying the same payload. */
    @Override
    public void onPing(WsSession socket, BufferData payload) {
        byte[] bytes = new byte[payload.available()];
        payload.read(bytes);
        session.pong(bytes);
    }

    @Override
    public void onClose(WsSession socket, int status, String reason) {
        UpgradedConnections.ended();
        personal.disconnected(session);
        hub.disconnected(session);
    }

    @Override
    public void onError(WsSession socket, Throwable failure) {
        UpgradedConnections.ended();
        personal.disconnected(session);
        hub.disconnected(session);
    }

    private void handle(String text) {
        LiveRequest request;
        try {
            request = mapper.readValue(text, LiveRequest.class);
        } catch (JsonProcessingException e) {
            invalid("Send {\"type\":\"subscribe\",\"showIds\":[...]} or the same with \"unsubscribe\".");
            return;
        }
        if (request != null && LiveRequest.AUTH.equals(request.type())) {
            auth(request.token());
            return;
        }
        List<Long> showIds = request == null ? null : request.showIds();
        if (showIds == null || showIds.isEmpty() || showIds.size() > LiveHub.MAX_SHOWS_PER_SESSION
                || showIds.stream().anyMatch(id -> id == null || id <= 0)) {
            invalid("'showIds' must list 1 to " + LiveHub.MAX_SHOWS_PER_SESSION + " show ids.");
            return;
        }
        if (LiveRequest.SUBSCRIBE.equals(request.type())) {
            if (!allowance.take(new HashSet<>(showIds).size())) {
                session.error(LiveError.of(ErrorCode.TOO_MANY_REQUESTS.name(), "Too many subscriptions at once: at most "
                        + SUBSCRIBE_BURST + " shows, then " + SUBSCRIBES_PER_SECOND + " a second. Nothing changed."));
                return;
            }
            subscribe(showIds);
        } else if (LiveRequest.UNSUBSCRIBE.equals(request.type())) {
            new HashSet<>(showIds).forEach(showId -> hub.unsubscribe(session, showId));
        } else {
            invalid("'type' must be \"subscribe\", \"unsubscribe\" or \"auth\".");
        }
    }

    /** A token that signs nobody in is a no; one that cannot be checked now is not, and may be sent again. */
    private void auth(String token) {
        try {
            if (!personal.identify(session, token)) {
                session.error(LiveError.of(ErrorCode.UNAUTHORIZED.name(),
                        "That token signs nobody in: sign in again, then send {\"type\":\"auth\",\"token\":...}."));
            }
        } catch (ApiException e) {
            session.error(LiveError.of(e.code().name(), e.getMessage()));
        } catch (RuntimeException e) {
            // Not the client's fault: one line for the operator (no trace: in an outage every client retries).
            LOG.log(System.Logger.Level.WARNING, "A live sign-in could not be checked: " + e);
            session.error(LiveError.of(ErrorCode.SERVICE_UNAVAILABLE.name(),
                    "Your sign-in cannot be checked right now: send {\"type\":\"auth\",\"token\":...} again shortly."));
        }
    }

    private void subscribe(List<Long> showIds) {
        for (long showId : new HashSet<>(showIds)) {
            try {
                if (!hub.subscribe(session, showId)) {
                    session.error(LiveError.of(ErrorCode.NOT_FOUND.name(), "There is no show " + showId + "."));
                }
            } catch (IllegalArgumentException e) {
                invalid(e.getMessage());
                return;
            } catch (ApiException e) {
                session.error(LiveError.of(e.code().name(), e.getMessage()));
            } catch (RuntimeException e) {
                session.error(LiveError.of(ErrorCode.SERVICE_UNAVAILABLE.name(),
                        "Live updates for show " + showId + " will start when the database answers again."));
            }
        }
    }

    private void invalid(String message) {
        session.error(LiveError.of(ErrorCode.VALIDATION_FAILED.name(), message));
    }
}
