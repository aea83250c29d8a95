package dev.marquee.client.common.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.marquee.client.common.FakeServer;
import dev.marquee.model.error.ErrorCode;
import java.net.URI;
import java.net.http.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServerApiTest {

    private final HttpClient http = ServerApi.newHttpClient();
    private final FakeServer server = FakeServer.start();
    private final ServerApi api = new ServerApi(http, server.uri());

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void errorAnswerCarriesTheContractsCodeAndSentence() {
        server.answer("GET", "/api/events", 503,
                "{\"error\":\"SERVICE_UNAVAILABLE\",\"message\":\"The database is not answering.\"}");

        ApiException failure = assertThrows(ApiException.class, api::events);

        assertEquals(503, failure.status());
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, failure.body().error());
        assertEquals("The database is not answering.", failure.getMessage());
    }

    @Test
    void unknownErrorCodeStillShowsTheServersSentence() {
        server.answer("GET", "/api/events", 418, "{\"error\":\"TEAPOT\",\"message\":\"I am a teapot.\"}");

        ApiException failure = assertThrows(ApiException.class, api::events);

        assertNull(failure.body().error());
        assertEquals("I am a teapot.", failure.getMessage());
    }

    @Test
    void errorAnswerWithoutContractBodyGetsASentenceNamingTheStatus() {
        server.answer("GET", "/api/events", 502, "<html>Bad gateway</html>");

        ApiException failure = assertThrows(ApiException.class, api::events);

        assertEquals("The server at " + server.uri() + " answered with HTTP status 502.", failure.getMessage());
    }

    @Test
    void tokenTravelsAsBearerHeader() {
        server.answer("POST", "/api/auth/logout", 204, null);

        api.withToken("tok-42").logout();

        assertEquals("Bearer tok-42", server.requests().getFirst().authorization());
    }

    @Test
    void refusedConnectionSaysItCannotReachTheServer() {
        URI nobodyHome = FakeServer.addressNobodyListensOn();
        ServerApi offline = new ServerApi(http, nobodyHome);

        ServerUnreachableException failure = assertThrows(ServerUnreachableException.class, offline::events);

        assertEquals("Cannot reach the server at " + nobodyHome + ".", failure.getMessage());
    }
}
