package dev.marquee.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.server.testing.LogCapture;
import dev.marquee.server.testing.RawHttp;
import dev.marquee.server.testing.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests broken at the HTTP level (bad chunk sizes, contradictory lengths, bodies cut short) are the client's
 * fault: 400 in the contract's shape at once, nothing changed, and not one warning in the server's log.
 */
class BrokenRequestsTest {

    private static final String LOGIN = "POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/json\r\n";
    private static final String BODY = "{\"email\":\"fan@example.test\",\"password\":\"wrong-password\"}";

    private static TestServer server;
    private static int port;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        port = Integer.parseInt(server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<String> brokenRequests() {
        String chunked = LOGIN + "Transfer-Encoding: chunked\r\n\r\n";
        return Stream.of(
                chunked + "zz\r\nabc\r\n0\r\n\r\n",
                chunked + "-5\r\nabc\r\n0\r\n\r\n",
                chunked + "999999999999999999\r\nabc\r\n0\r\n\r\n",
                chunked + "5\r\n{}\r\n0\r\n\r\n",
                LOGIN + "Content-Length: -1\r\n\r\n" + BODY,
                LOGIN + "Content-Length: abc\r\n\r\n" + BODY,
                LOGIN + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                LOGIN + "Content-Length: " + BODY.length() + "\r\nContent-Length: 3\r\n\r\n" + BODY,
                LOGIN + "Content-Length: " + BODY.length() + ", 3\r\n\r\n" + BODY);
    }

    @ParameterizedTest
    @MethodSource("brokenRequests")
    void aBrokenRequestIsBadRequestAtOnceWithoutAWarning(String request) {
        try (LogCapture log = LogCapture.start()) {
            RawHttp.Answer answer = RawHttp.exchange(port, request, Duration.ofSeconds(5));

            assertEquals(400, answer.status(), request + " => " + answer);
            assertEquals("VALIDATION_FAILED", answer.body().path("error").asText(), answer.toString());
            assertTrue(answer.body().path("message").isTextual(), answer.toString());
            assertEquals(List.of(), log.lines());
        }
        assertEquals(0, server.number("SELECT count(*) FROM sign_in_attempts"), "nothing was attempted");
    }

    @Test
    void clientsThatHangUpMidBodyLeaveNoTraceInTheLog() {
        try (LogCapture log = LogCapture.start()) {
            IntStream.range(0, 250).parallel().forEach(i -> hangUpMidBody(i % 2 == 0
                    ? LOGIN + "Content-Length: 1000\r\n\r\n{\"email\":"
                    : LOGIN + "Transfer-Encoding: chunked\r\n\r\n100\r\n{\"email\":"));
            // The server is still answering, and said nothing about the hang-ups.
            RawHttp.Answer after = RawHttp.exchange(port, LOGIN + "Content-Length: 2\r\nConnection: close\r\n\r\n{}",
                    Duration.ofSeconds(5));
            assertEquals(400, after.status(), after.toString());
            assertEquals(List.of(), log.lines());
        }
    }

    private static void hangUpMidBody(String partial) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(partial.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
