package dev.marquee.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Signs a demo user in and answers the bearer token. */
final class Tokens {

    private Tokens() {
    }

    static String login(int port, String email) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String body = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"email\":\"" + email + "\",\"password\":\"marquee-demo\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            int start = body.indexOf("\"token\":\"") + 9;
            if (start < 9) {
                throw new IllegalStateException("Sign-in of " + email + " failed: " + body);
            }
            return body.substring(start, body.indexOf('"', start));
        }
    }
}
