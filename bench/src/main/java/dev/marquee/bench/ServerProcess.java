package dev.marquee.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The real server jar in a process of its own, on a given database and booking strategy. */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final int managementPort;

    private ServerProcess(Process process, int port, int managementPort) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
    }

    static ServerProcess start(Path jar, String jdbcUrl, String strategy, int port, int managementPort,
                               Map<String, String> extra,
                               Path log) throws IOException, InterruptedException {
        // The JVM options the README gives for production: a heap of fixed size, touched at start. Untouched, the
        // first 175 MB the heap kept (10,000 clients connecting at once) paused the server 1.9 s for page faults.
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms1g", "-Xmx1g",
                "-XX:+AlwaysPreTouch"));
        // MARQUEE_BENCH_PROFILE=1 records each server with Flight Recorder (bench/target/server-<strategy>-<port>.jfr),
        // for `jfr view hot-methods` afterwards: where a strategy's CPU goes. Off by default; it costs a little CPU.
        if ("1".equals(System.getenv("MARQUEE_BENCH_PROFILE"))) {
            Path recording = log.resolveSibling("server-" + strategy + "-" + port + ".jfr");
            command.add("-XX:StartFlightRecording=settings=profile,filename=" + recording);
        }
        // MARQUEE_BENCH_SERVER_JAVA_OPTS adds options to every server's JVM, e.g. "-XX:+UseZGC" to compare collectors.
        String javaOptions = System.getenv().getOrDefault("MARQUEE_BENCH_SERVER_JAVA_OPTS", "").strip();
        if (!javaOptions.isEmpty()) {
            command.addAll(List.of(javaOptions.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("MARQUEE_PORT", Integer.toString(port));
        env.put("MARQUEE_ADMIN_PORT", Integer.toString(managementPort));
        env.put("MARQUEE_DB_URL", jdbcUrl);
        env.put("MARQUEE_DB_USER", "postgres");
        env.put("MARQUEE_DB_PASSWORD", "");
        env.put("MARQUEE_DEMO_DATA", "true");
        env.put("MARQUEE_BOOKING_STRATEGY", strategy);
        env.putAll(extra);
        ServerProcess server = new ServerProcess(builder.start(), port, managementPort);
        server.awaitHealthy(Duration.ofSeconds(90));
        return server;
    }

    /**
     * Copies the server jar and the libraries its manifest names into {@code into}, so a rebuild of the server
     * while the benchmark runs cannot pull them from under a restart; answers the copied jar.
     */
    static Path copyJar(Path serverTarget, Path into) throws IOException {
        Files.createDirectories(into.resolve("libs"));
        try (Stream<Path> libs = Files.list(serverTarget.resolve("libs"))) {
            for (Path lib : libs.toList()) {
                Files.copy(lib, into.resolve("libs").resolve(lib.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return Files.copy(serverTarget.resolve("marquee-server.jar"), into.resolve("marquee-server.jar"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    private void awaitHealthy(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        try (HttpClient http = HttpClient.newHttpClient()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The server exited while starting; see its log");
                }
                try {
                    HttpResponse<Void> health = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + managementPort + "/observe/health")).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (health.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("The server did not become healthy within " + within);
    }

    /** SIGKILL: no shutdown hook, no graceful drain; what was committed must survive anyway. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
