package dev.marquee.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Connections that come and go while a server warms up, as real clients' do: every 100 ms a client opens a
 * connection, asks for the health check and closes it. The load's own connections stay open from step to step, so
 * without this the server's compiler saw no connection close during the warm-up, compiled its connection loop on
 * the bet that none ever closes, and the first close after it (a step's metrics read) threw that code away for
 * every open connection at once: hundreds of deoptimizations of Helidon's {@code DataReader.pullData} in one
 * second, and the step's first second stalled with refusals.
 */
final class ConnectionChurn implements AutoCloseable {

    private static final Duration EVERY = Duration.ofMillis(100);

    private final Thread thread;
    private volatile boolean closed;

    private ConnectionChurn(int port) {
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/observe/health")).build();
        this.thread = Thread.ofPlatform().name("connection-churn").daemon().start(() -> {
            while (!closed) {
                try (HttpClient client = HttpClient.newHttpClient()) {
                    client.send(health, HttpResponse.BodyHandlers.discarding());
                    Thread.sleep(EVERY);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // one failed look is nothing to the warm-up: the next one tries again
                }
            }
        });
    }

    static ConnectionChurn start(int port) {
        return new ConnectionChurn(port);
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.interrupt();
        thread.join(5_000);
    }
}
