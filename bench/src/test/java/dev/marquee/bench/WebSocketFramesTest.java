package dev.marquee.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebSocketFramesTest {

    @Test
    void readsAServerTextFrameOnlyOnceItHasFullyArrived() {
        byte[] payload = "x".repeat(300).getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[4 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = 126;
        frame[2] = (byte) (payload.length >>> 8);
        frame[3] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 4, payload.length);

        ByteBuffer partial = ByteBuffer.wrap(frame, 0, 100);
        assertNull(WebSocketFrames.next(partial));
        assertEquals(0, partial.position());

        WebSocketFrames.Frame whole = WebSocketFrames.next(ByteBuffer.wrap(frame));
        assertTrue(whole.fin());
        assertEquals(WebSocketFrames.TEXT, whole.opcode());
        assertEquals("x".repeat(300), whole.text());
    }

    @Test
    void masksClientFramesSoTheyReadBackToTheSameText() {
        String subscribe = "{\"type\":\"subscribe\",\"showIds\":[42]}";
        byte[] frame = WebSocketFrames.clientFrame(WebSocketFrames.TEXT, subscribe.getBytes(StandardCharsets.UTF_8));
        assertEquals(0x80, frame[1] & 0x80);
        assertEquals(subscribe, WebSocketFrames.next(ByteBuffer.wrap(frame)).text());
    }
}
