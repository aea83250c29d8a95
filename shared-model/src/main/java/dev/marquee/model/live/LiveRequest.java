package dev.marquee.model.live;

import java.util.List;

/** What a client sends on {@code /ws}: {@code {"type":"subscribe"|"unsubscribe","showIds":[...]}}. */
public record LiveRequest(String type, List<Long> showIds) {

    public static final String SUBSCRIBE = "subscribe";
    public static final String UNSUBSCRIBE = "unsubscribe";
}
