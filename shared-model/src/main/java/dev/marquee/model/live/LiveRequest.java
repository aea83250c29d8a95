package dev.marquee.model.live;

import java.util.List;

/**
 * What a client sends on {@code /ws}: {@code {"type":"subscribe"|"unsubscribe","showIds":[...]}}, or (v1.2)
 * {@code {"type":"auth","token":...}} to hear its own waiting-list offers.
 */
public record LiveRequest(String type, List<Long> showIds, String token) {

    public static final String SUBSCRIBE = "subscribe";
    public static final String UNSUBSCRIBE = "unsubscribe";
    public static final String AUTH = "auth";

    public LiveRequest(String type, List<Long> showIds) {
        this(type, showIds, null);
    }
}
