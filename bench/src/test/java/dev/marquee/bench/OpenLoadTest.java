package dev.marquee.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OpenLoadTest {

    private static final OpenLoad.Requests SALES =
            i -> new OpenLoad.Request("/api/sales", "Idempotency-Key: k-" + i + "\r\n", ("{\"n\":" + i + "}").getBytes());

    @Test
    void sendsEveryRequestAndSortsTheAnswersByOutcome() throws Exception {
        AtomicInteger served = new AtomicInteger();
        Set<String> keys = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/api/sales", exchange -> {
            keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean accepted = served.incrementAndGet() % 2 == 0;
            byte[] answer = (accepted ? "{\"id\":\"order-" + new String(body) + "\"}" : "{}").getBytes();
            exchange.sendResponseHeaders(accepted ? 201 : 429, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try (OpenLoad load = OpenLoad.keepingAcceptedIds("localhost", server.getAddress().getPort(), 4)) {
            LoadResult result = load.run(2_000, 0.1, SALES);
            assertEquals(Map.of(201, 100L, 429, 100L), result.statuses());
            assertEquals(100, result.accepted().getTotalCount());
            assertEquals(100, result.refused().getTotalCount());
            assertEquals(100, result.acceptedIds().size());
            assertTrue(result.acceptedIds().stream().allMatch(id -> id.startsWith("order-{")), result.acceptedIds().toString());
            assertEquals(200, load.run(2_000, 0.1, SALES).statuses().values().stream().mapToLong(Long::longValue).sum(),
                    "the connections carry a second step too");
            assertEquals(400, keys.size(), "the second step's requests are numbered on from the first's");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void sendsARequestOnceMoreWhenItsConnectionClosedWithoutAnswering() throws Exception {
        try (ServerSocket listener = new ServerSocket(0)) {
            Thread serving = Thread.ofVirtual().start(() -> serveClosingEveryOtherConnection(listener));
            try (OpenLoad load = new OpenLoad("localhost", listener.getLocalPort(), 1)) {
                LoadResult result = load.run(50, 0.2, SALES);
                assertEquals(Map.of(201, 10L), result.statuses());
            } finally {
                serving.interrupt();
            }
        }
    }

    @Test
    void countsRequestsNobodyAnsweredAsFailedAtNoLessThanTheirTimeout() throws Exception {
        try (OpenLoad load = new OpenLoad("localhost", FreePort.find(), 2)) {
            LoadResult result = load.run(100, 0.1, SALES);
            assertEquals(Map.of(-1, 10L), result.statuses());
            long fastest = result.failed().highestEquivalentValue(result.failed().getMinValue());
            assertTrue(fastest >= 5_000_000_000L, "failed at " + fastest + " ns");
        }
    }

    /** Reads the first request of every odd-numbered connection and closes it unanswered; serves the others. */
    private static void serveClosingEveryOtherConnection(ServerSocket listener) {
        for (int accepted = 1; !Thread.currentThread().isInterrupted(); accepted++) {
            try {
                Socket socket = listener.accept();
                boolean closeAtOnce = accepted % 2 == 1;
                Thread.ofVirtual().start(() -> serve(socket, closeAtOnce));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void serve(Socket socket, boolean closeAfterFirstRequest) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (readRequest(in)) {
                if (closeAfterFirstRequest) {
                    return;
                }
                out.write("HTTP/1.1 201 Created\r\nContent-Length: 12\r\n\r\n{\"id\":\"a-1\"}".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    private static boolean readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int c = in.read();
            if (c < 0) {
                return false;
            }
            head.append((char) c);
        }
        int length = List.of(head.toString().split("\r\n")).stream()
                .filter(line -> line.toLowerCase().startsWith("content-length:"))
                .mapToInt(line -> Integer.parseInt(line.substring(15).trim())).findFirst().orElse(0);
        in.readNBytes(length);
        return true;
    }
}
