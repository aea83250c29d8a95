package dev.marquee.server.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.webserver.websocket.WsRouting;

/** The {@code /ws} endpoint: one {@link LiveEndpoint} per connection, all sharing this instance's hub. */
public final class LiveRouting {

    private LiveRouting() {
    }

    public static WsRouting.Builder routing(LiveHub hub, PersonalPushes personal, ObjectMapper mapper,
                                            PushCounters pushes) {
        MessageText text = new MessageText(mapper);
        return WsRouting.builder().endpoint("/ws", () -> new LiveEndpoint(hub, personal, mapper, text, pushes));
    }
}
