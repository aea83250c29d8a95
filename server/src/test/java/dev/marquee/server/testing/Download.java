package dev.marquee.server.testing;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** An answer that is not JSON (a CSV, a PDF), as its bytes. */
public record Download(int status, byte[] body, HttpHeaders headers) {

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String contentType() {
        return headers.firstValue("Content-Type").orElse("");
    }
}
