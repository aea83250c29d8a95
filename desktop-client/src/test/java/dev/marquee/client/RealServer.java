package dev.marquee.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * The real Marquee server, run from its packaged jar as a child process on an embedded PostgreSQL with demo data.
 * The client never links to server code (an architecture rule); it talks to this process over HTTP like any
 * user would. One instance serves the whole test JVM, because starting PostgreSQL costs seconds; tests that
 * stop it (the offline banner) start it again on the same port and data.
 */
public final class RealServer {

    private static final Duration START_LIMIT = Duration.ofSeconds(120);
    private static RealServer shared;

    private final Path jar;
    private final Path dataDir;
    private final Path log;
    private final int port;
    /** Health and metrics; a port of its own like the API's, kept across restarts. */
    private final int managementPort;
    private Process process;

    private RealServer(Path jar, Path dataDir, Path log, int port, int managementPort) {
        this.managementPort = managementPort;
        this.jar = jar;
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
    }

    /** The JVM's server, started on first use and stopped when the JVM ends. */
    public static synchronized RealServer shared() {
        if (shared == null) {
            Path jar = Path.of("..", "server", "target", "marquee-server.jar").toAbsolutePath().normalize();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("No " + jar + ": package the server first (mvn -B verify at the root"
                        + " does, or mvn -B -DskipTests package -pl server -am).");
            }
            try {
                Path dataDir = Files.createTempDirectory("marquee-client-flows");
                Path log = Path.of("target", "real-server.log").toAbsolutePath();
                shared = new RealServer(jar, dataDir, log, freePort(), freePort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shared.start();
            RealServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.stop();
                deleteQuietly(server.dataDir);
            }));
        }
        shared.startIfStopped();
        return shared;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /**
     * Starts the server and waits until its health check answers 200; a server already running is left as it is, so
     * no second process is ever started on the same port and data (it would outlive the test JVM unseen).
     */
    public synchronized void start() {
        if (running()) {
            return;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("MARQUEE_PORT", Integer.toString(port));
        builder.environment().put("MARQUEE_ADMIN_PORT", Integer.toString(managementPort));
        builder.environment().put("MARQUEE_DATA_DIR", dataDir.toString());
        builder.environment().put("MARQUEE_DEMO_DATA", "true");
        // New sign-ups are not part of these flows; a cheap bcrypt keeps any hashing quick.
        builder.environment().put("MARQUEE_PASSWORD_COST", "4");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + jar, e);
        }
        awaitHealthy();
    }

    private void startIfStopped() {
        if (!running()) {
            start();
        }
    }

    /** Stops the server gracefully (SIGTERM: it finishes requests and stops its database), forcibly after 30 s. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private void awaitHealthy() {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/observe/health"))
                    .timeout(Duration.ofSeconds(3)).build();
            Awaitility.await().atMost(START_LIMIT).pollInterval(Duration.ofMillis(200))
                    .alias("the server at " + url() + " healthy; see " + log)
                    .until(() -> healthy(http, health));
        }
    }

    private boolean healthy(HttpClient http, HttpRequest health) throws InterruptedException {
        if (!process.isAlive()) {
            throw new IllegalStateException("The server stopped during start-up; see " + log);
        }
        try {
            return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false; // not listening yet: PostgreSQL is still starting
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // A temp folder left behind is harmless.
        }
    }
}
