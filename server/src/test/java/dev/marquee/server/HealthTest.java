package dev.marquee.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HealthTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthIsUpWhileTheDatabaseAnswers() {
        ApiResponse health = server.operator().get("/observe/health");
        assertEquals(200, health.status(), health::toString);
        assertEquals("UP", health.body().get("status").asText());
    }

    @Test
    void readinessChecksTheDatabaseAndLivenessAnswersWhileTheServerRuns() {
        ApiResponse ready = server.operator().get("/observe/health/ready");
        assertEquals(200, ready.status(), ready::toString);
        assertEquals("UP", ready.body().get("status").asText());
        assertEquals("database", ready.body().get("checks").get(0).get("name").asText());
        assertEquals("UP", ready.body().get("checks").get(0).get("status").asText());
        ApiResponse live = server.operator().get("/observe/health/live");
        assertEquals(200, live.status(), live::toString);
        assertEquals("UP", live.body().get("status").asText());
    }

    @Test
    void healthAndMetricsAreOnTheManagementPortOnlyNotOnTheApiPort() {
        for (String path : new String[] {"/observe/health", "/observe/metrics"}) {
            ApiResponse onTheApiPort = server.anonymous().get(path);
            assertEquals(404, onTheApiPort.status(), path + " on the API port: " + onTheApiPort);
            assertEquals("NOT_FOUND", onTheApiPort.error());
        }
        ApiResponse api = server.operator().get("/api/events");
        assertEquals(404, api.status(), "and the API is not on the management port: " + api);
        assertEquals("NOT_FOUND", api.error(), "in the contract's shape there too");
    }

    @Test
    void unknownRouteAnswersNotFoundInTheContractShape() {
        ApiResponse answer = server.anonymous().get("/api/no-such-thing");
        assertEquals(404, answer.status());
        assertEquals("NOT_FOUND", answer.error());
    }

    @Test
    void migrationsRunFromAnEmptyDatabase() {
        assertEquals(0, server.number("SELECT count(*) FROM users"));
        assertEquals(1, server.number("SELECT count(*) FROM flyway_schema_history WHERE version = '1' AND success"));
    }
}
