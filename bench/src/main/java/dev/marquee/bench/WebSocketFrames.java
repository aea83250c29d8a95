package dev.marquee.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The little of RFC 6455 a listening client needs: the upgrade request, one masked text frame to send, and
 * reading the server's unmasked frames out of a buffer as they complete.
 */
final class WebSocketFrames {

    static final int TEXT = 0x1;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;

    /** A complete frame read from the server. */
    record Frame(boolean fin, int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private WebSocketFrames() {
    }

    static byte[] upgradeRequest(String host, int port, String path) {
        String key = Base64.getEncoder().encodeToString("marquee-bench-ws".getBytes(StandardCharsets.US_ASCII));
        return ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A client frame: always masked, as the protocol requires of clients (the mask itself need not be secret). */
    static byte[] clientFrame(int opcode, byte[] payload) {
        byte[] mask = {0x12, 0x34, 0x56, 0x78};
        int header = payload.length < 126 ? 2 : 4;
        byte[] frame = new byte[header + 4 + payload.length];
        frame[0] = (byte) (0x80 | opcode);
        if (payload.length < 126) {
            frame[1] = (byte) (0x80 | payload.length);
        } else {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (payload.length >>> 8);
            frame[3] = (byte) payload.length;
        }
        System.arraycopy(mask, 0, frame, header, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[header + 4 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        return frame;
    }

    /**
     * The next complete frame in {@code buffer} (in read mode), consuming it; or null, leaving the buffer as it was,
     * when the frame has not fully arrived yet.
     */
    static Frame next(ByteBuffer buffer) {
        int start = buffer.position();
        if (buffer.remaining() < 2) {
            return null;
        }
        int first = buffer.get() & 0xFF;
        int second = buffer.get() & 0xFF;
        long length = second & 0x7F;
        int needed = length == 126 ? 2 : length == 127 ? 8 : 0;
        if (buffer.remaining() < needed) {
            buffer.position(start);
            return null;
        }
        if (length == 126) {
            length = buffer.getShort() & 0xFFFF;
        } else if (length == 127) {
            length = buffer.getLong();
        }
        int maskLength = (second & 0x80) != 0 ? 4 : 0;
        if (buffer.remaining() < maskLength + length) {
            buffer.position(start);
            return null;
        }
        byte[] mask = new byte[maskLength];
        buffer.get(mask);
        byte[] payload = new byte[(int) length];
        buffer.get(payload);
        for (int i = 0; maskLength > 0 && i < payload.length; i++) {
            payload[i] ^= mask[i % 4];
        }
        return new Frame((first & 0x80) != 0, first & 0x0F, payload);
    }
}
