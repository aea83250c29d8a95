package dev.marquee.server;

import dev.marquee.server.http.HttpJson;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** {@code GET /observe/health}: UP when the database answers within two seconds, DOWN (503) otherwise. */
final class Health {

    private static final System.Logger LOG = System.getLogger(Health.class.getName());

    private final DataSource dataSource;
    private final HttpJson json;

    Health(DataSource dataSource, HttpJson json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    void handle(ServerRequest request, ServerResponse response) {
        boolean up = databaseAnswers();
        String status = up ? "UP" : "DOWN";
        json.send(response, up ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503, Map.of("status", status,
                "checks", List.of(Map.of("name", "database", "status", status))));
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "Health check: the database does not answer: {0}", e.getMessage());
            return false;
        }
    }
}
