package dev.marquee.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marquee.model.Json;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests the web server refuses before any route sees them (a body over its own payload limit, a path it cannot
 * decode) still answer in the contract's shape, the same as when a route refuses them.
 */
class ErrorResponsesTest {

    private static final int SERVER_PAYLOAD_LIMIT = 1024 * 1024;

    private static WebServer web;
    private static ApiClient client;

    @BeforeAll
    static void start() {
        ReadDeadlines deadlines = new ReadDeadlines(java.time.Duration.ofSeconds(10));
        HttpJson json = new HttpJson(Json.newMapper(), deadlines);
        ErrorResponses errors = new ErrorResponses(json, deadlines);
        web = WebServer.builder()
                .port(0)
                .shutdownHook(false)
                .maxPayloadSize(SERVER_PAYLOAD_LIMIT)
                .directHandlers(errors.directHandlers())
                .routing(routing -> {
                    errors.register(routing);
                    routing.post("/echo", (request, response) ->
                                    json.send(response, Status.OK_200, json.body(request).json()))
                            .get("/items/{id}", (request, response) ->
                                    json.send(response, Status.OK_200, Map.of("id", PathIds.catalogId(request, "id"))))
                            .any(errors::noSuchRoute);
                })
                .build()
                .start();
        client = new ApiClient("http://localhost:" + web.port(), null, null);
    }

    @AfterAll
    static void stop() {
        web.stop();
    }

    @Test
    void aBodyOverTheServersOwnLimitIsPayloadTooLargeInTheContractShape() throws IOException {
        // Only the headers are sent: a client still writing a body the server has refused may see the connection
        // close before it reads the answer, which would make this test depend on timing.
        ApiResponse refused = raw("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + SERVER_PAYLOAD_LIMIT * 2 + "\r\nConnection: close\r\n\r\n");

        BadInputTest.assertContractError(refused, 413, "PAYLOAD_TOO_LARGE", "2 MiB body");
        ApiResponse refusedByTheRoute = client.raw("POST", "/echo", new byte[100 * 1024], "Content-Type",
                "application/json");
        assertEquals(refusedByTheRoute.body(), refused.body(), "the same answer whichever layer refuses it");
    }

    @Test
    void aPathThatCannotBeDecodedIsAValidationFailureInTheContractShape() throws IOException {
        ApiResponse refused = raw("GET /items/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        BadInputTest.assertContractError(refused, 400, "VALIDATION_FAILED", "undecodable path");
    }

    /** A request written straight to the socket: java.net.URI refuses to send a path that is not valid. */
    private static ApiResponse raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", web.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String[] answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .split("\r\n\r\n", 2);
            String[] lines = answer[0].split("\r\n");
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String line : Arrays.copyOfRange(lines, 1, lines.length)) {
                int colon = line.indexOf(':');
                headers.computeIfAbsent(line.substring(0, colon).strip(), name -> new ArrayList<>())
                        .add(line.substring(colon + 1).strip());
            }
            return new ApiResponse(Integer.parseInt(lines[0].split(" ")[1]), ApiClient.MAPPER.readTree(answer[1]),
                    HttpHeaders.of(headers, (name, value) -> true));
        }
    }

    @Test
    void requestsTheRoutesCanReadStillWork() {
        assertEquals(200, client.post("/echo", Map.of("a", 1)).status());
        assertEquals(7, client.get("/items/7").body().get("id").asInt());
        assertEquals(404, client.get("/items/x").status());
    }
}
