package dev.marquee.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL primary with a synchronous streaming standby, made and driven by the project's own
 * {@code bin/pg-pair} (Debian's server packages; {@code .ci/run} installs them): the test kills the primary and
 * promotes the standby, as the bench's failover scenario and an operator's failover manager do.
 */
public final class PostgresPair implements AutoCloseable {

    private final Path script;
    private final Path dir;
    private final String jdbcUrl;

    private PostgresPair(Path script, Path dir, String jdbcUrl) {
        this.script = script;
        this.dir = dir;
        this.jdbcUrl = jdbcUrl;
    }

    public static PostgresPair start() {
        Path script = projectRoot().resolve("bin/pg-pair");
        try {
            Path dir = Files.createTempDirectory("marquee-pair-");
            Files.delete(dir);
            List<String> out = run(script, "start", dir.toString(), Integer.toString(freePort()),
                    Integer.toString(freePort()));
            return new PostgresPair(script, dir, out.getLast());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The multi-host URL the server is given: whichever of the two is primary takes its connections. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The same primary and standby, for another database on them. */
    public String jdbcUrl(String database) {
        return jdbcUrl.replace("/marquee?", "/" + database + "?");
    }

    /** A backup of the primary's database, as docs/operations.md gives it ({@code pg_dump -Fc}). */
    public void dump(Path file) {
        run(script, "dump", dir.toString(), file.toString());
    }

    /** Restores a backup into a new database on the primary. */
    public void restore(Path file, String database) {
        run(script, "restore", dir.toString(), file.toString(), database);
    }

    /** {@code kill -9} of the primary and all its processes. */
    public void killPrimary() {
        run(script, "kill-primary", dir.toString());
    }

    /** The standby becomes the primary. */
    public void promote() {
        run(script, "promote", dir.toString());
    }

    @Override
    public void close() {
        run(script, "stop", dir.toString());
    }

    private static List<String> run(Path script, String... args) {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines().toList();
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("bin/pg-pair " + String.join(" ", args) + " failed: " + lines);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("bin/pg-pair"))) {
                return dir;
            }
        }
        throw new IllegalStateException("bin/pg-pair not found above the working directory");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
