package dev.marquee.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The project's {@code bin/pg-pair}: a PostgreSQL primary and its synchronous standby, killed and promoted. */
final class PgPair implements AutoCloseable {

    private final Path script;
    private final Path dir;
    private final String jdbcUrl;

    private PgPair(Path script, Path dir, String jdbcUrl) {
        this.script = script;
        this.dir = dir;
        this.jdbcUrl = jdbcUrl;
    }

    static PgPair start(Path root, Path dir) throws IOException, InterruptedException {
        Path script = root.resolve("bin/pg-pair");
        List<String> out = run(script, "start", dir.toString(), Integer.toString(FreePort.find()),
                Integer.toString(FreePort.find()));
        return new PgPair(script, dir, out.getLast());
    }

    /** The multi-host URL: connections go to whichever of the two is the primary. */
    String jdbcUrl() {
        return jdbcUrl;
    }

    void killPrimary() throws IOException, InterruptedException {
        run(script, "kill-primary", dir.toString());
    }

    void promote() throws IOException, InterruptedException {
        run(script, "promote", dir.toString());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(script, "stop", dir.toString());
    }

    private static List<String> run(Path script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("bin/pg-pair " + String.join(" ", args) + " failed: " + lines);
        }
        return lines;
    }
}
