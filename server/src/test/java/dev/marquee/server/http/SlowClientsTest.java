package dev.marquee.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.server.testing.LogCapture;
import dev.marquee.server.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slow or idle clients cannot hold connections open: headers and bodies must arrive within the read timeout, and
 * an idle keep-alive connection is closed. The server says nothing in its log about any of it.
 */
class SlowClientsTest {

    private static final int READ_TIMEOUT_SECONDS = 1;
    private static final int IDLE_SECONDS = 2;
    /** Far beyond both, yet far below "forever". */
    private static final int GIVE_UP_MILLIS = 15_000;

    private static TestServer server;
    private static int port;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.Tuning.DEFAULT
                .set("MARQUEE_HTTP_READ_TIMEOUT_SECONDS", READ_TIMEOUT_SECONDS)
                .set("MARQUEE_HTTP_IDLE_TIMEOUT_SECONDS", IDLE_SECONDS));
        port = Integer.parseInt(server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void twoHundredFiftySlowlorisSocketsAreAllCutOffAndOthersAreServedMeanwhile() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                String start = i % 2 == 0
                        ? "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 100\r\n\r\n{"
                        : "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nX-Slow: ";
                socket.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
                sockets.add(socket);
            }
            assertEquals(200, server.anonymous().get("/api/events").status(), "others are served meanwhile");
            for (Socket socket : sockets) {
                try (socket) {
                    assertTrue(closesWithin(socket, GIVE_UP_MILLIS), "a slow client was cut off");
                }
            }
            assertEquals(List.of(), log.lines());
        }
    }

    @Test
    void aBodyTrickledAByteAtATimeIsCutOffAtItsDeadline() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            boolean cutOff = false;
            while (!cutOff && (System.nanoTime() - started) / 1_000_000 < GIVE_UP_MILLIS) {
                try {
                    out.write(' ');
                    out.flush();
                } catch (IOException closed) {
                    cutOff = true;
                }
                // The next byte goes 200 ms later, unless the server closes the connection meanwhile.
                cutOff = cutOff || closesWithin(socket, 200);
            }
            assertTrue(cutOff, "a byte every 200 ms does not keep a request alive");
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("GET /api/events HTTP/1.1\r\nHost: x\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            assertTrue(closesWithin(socket, GIVE_UP_MILLIS), "closed once idle after its answer");
        }
    }

    /** Reads (and drops) whatever the server sends until it closes the connection, or the time is up. */
    private static boolean closesWithin(Socket socket, int millis) {
        try {
            socket.setSoTimeout(millis);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            long deadline = System.nanoTime() + millis * 1_000_000L;
            while (System.nanoTime() < deadline) {
                if (in.read(buffer) < 0) {
                    return true;
                }
            }
            return false;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
