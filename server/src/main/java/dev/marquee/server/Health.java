package dev.marquee.server;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import java.sql.Connection;
import javax.sql.DataSource;

/**
 * The server's readiness for Helidon's health observer ({@code /observe/health}, {@code /observe/health/ready} on the
 * management port): ready while the database answers within two seconds, so a load balancer stops sending requests
 * to an instance that could only answer 503. Liveness ({@code /observe/health/live}) has no check of its own: a
 * server that answers it is alive, and restarting it would not bring the database back.
 */
final class Health implements HealthCheck {

    private static final System.Logger LOG = System.getLogger(Health.class.getName());

    private final DataSource dataSource;

    Health(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.builder().status(databaseAnswers()).build();
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
