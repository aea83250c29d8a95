package dev.marquee.server.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.model.error.ErrorCode;
import dev.marquee.model.live.LiveError;
import dev.marquee.model.live.LiveRequest;
import dev.marquee.server.platform.ApiException;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import java.util.HashSet;
import java.util.List;

/**
 * One WebSocket connection on {@code /ws}: reads subscribe and unsubscribe requests. Anything it cannot act on is
 * answered with an {@code error} message; the connection stays open.
 */
final class LiveEndpoint implements WsListener {

    private static final int MAX_MESSAGE_CHARS = 64 * 1024;

    private final LiveHub hub;
    private final ObjectMapper mapper;
    private final MessageText text;
    private final PushCounters pushes;
    private final StringBuilder partial = new StringBuilder();
    private LiveSession session;

    LiveEndpoint(LiveHub hub, ObjectMapper mapper, MessageText text, PushCounters pushes) {
        this.text = text;
        this.hub = hub;
        this.mapper = mapper;
        this.pushes = pushes;
    }

    @Override
    public void onOpen(WsSession socket) {
        session = new LiveSession(socket, text, pushes, hub.writers());
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

    @Override
    public void onClose(WsSession socket, int status, String reason) {
        hub.disconnected(session);
    }

    @Override
    public void onError(WsSession socket, Throwable failure) {
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
        List<Long> showIds = request == null ? null : request.showIds();
        if (showIds == null || showIds.isEmpty() || showIds.size() > LiveHub.MAX_SHOWS_PER_SESSION
                || showIds.stream().anyMatch(id -> id == null || id <= 0)) {
            invalid("'showIds' must list 1 to " + LiveHub.MAX_SHOWS_PER_SESSION + " show ids.");
            return;
        }
        if (LiveRequest.SUBSCRIBE.equals(request.type())) {
            subscribe(showIds);
        } else if (LiveRequest.UNSUBSCRIBE.equals(request.type())) {
            new HashSet<>(showIds).forEach(showId -> hub.unsubscribe(session, showId));
        } else {
            invalid("'type' must be \"subscribe\" or \"unsubscribe\".");
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
