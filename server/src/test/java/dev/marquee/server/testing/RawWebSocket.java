package dev.marquee.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A WebSocket client written frame by frame, for frames no library would send. */
public final class RawWebSocket implements AutoCloseable {

    /** One frame from the server. */
    public record Frame(int opCode, byte[] payload) {

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** A close frame's status code. */
        public int closeCode() {
            return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    public static RawWebSocket open(int port) {
        try {
            RawWebSocket ws = new RawWebSocket(new Socket("127.0.0.1", port));
            byte[] key = new byte[16];
            RANDOM.nextBytes(key);
            ws.out.write(("GET /ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String head = ws.readHead();
            if (!head.startsWith("HTTP/1.1 101")) {
                throw new IllegalStateException("No upgrade: " + head);
            }
            return ws;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void send(int opCode, byte[] payload) {
        try {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(0x80 | opCode);
            if (payload.length < 126) {
                frame.write(0x80 | payload.length);
            } else {
                frame.write(0x80 | 126);
                frame.write(payload.length >>> 8);
                frame.write(payload.length & 0xFF);
            }
            byte[] mask = new byte[4];
            RANDOM.nextBytes(mask);
            frame.write(mask);
            for (int i = 0; i < payload.length; i++) {
                frame.write(payload[i] ^ mask[i % 4]);
            }
            out.write(frame.toByteArray());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void sendText(String text) {
        send(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Every frame that arrives within {@code millis} of quiet, stopping at a close frame or the end of the stream. */
    public List<Frame> frames(int millis) {
        List<Frame> frames = new ArrayList<>();
        try {
            socket.setSoTimeout(millis);
            while (true) {
                int first = in.read();
                if (first < 0) {
                    return frames;
                }
                int length = in.read() & 0x7F;
                if (length == 126) {
                    length = (in.read() << 8) | in.read();
                } else if (length == 127) {
                    long big = 0;
                    for (int i = 0; i < 8; i++) {
                        big = (big << 8) | in.read();
                    }
                    length = (int) big;
                }
                Frame frame = new Frame(first & 0x0F, in.readNBytes(length));
                frames.add(frame);
                if (frame.opCode() == 0x8) {
                    return frames;
                }
            }
        } catch (SocketTimeoutException quiet) {
            return frames;
        } catch (IOException e) {
            return frames;
        }
    }

    /** Whether the server has closed its side: the stream ends within {@code millis}. */
    public boolean closedByServer(int millis) {
        try {
            socket.setSoTimeout(millis);
            while (in.read() >= 0) {
                // Drain until the end.
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private String readHead() throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.append((char) next);
        }
        return head.toString();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a test socket.
        }
    }
}
