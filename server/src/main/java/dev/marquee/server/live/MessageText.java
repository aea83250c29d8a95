package dev.marquee.server.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Each outgoing message written as JSON once, however many clients it goes to: a show's feed offers the same
 * message object to every subscriber, and only a client that fell behind gets a merged one of its own.
 */
final class MessageText {

    private static final int REMEMBERED = 256;

    private final ObjectMapper mapper;
    private final Map<Object, String> recent = new IdentityHashMap<>();

    MessageText(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    synchronized String of(Object message) throws JsonProcessingException {
        String text = recent.get(message);
        if (text == null) {
            text = mapper.writeValueAsString(message);
            if (recent.size() >= REMEMBERED) {
                recent.clear();
            }
            recent.put(message, text);
        }
        return text;
    }
}
