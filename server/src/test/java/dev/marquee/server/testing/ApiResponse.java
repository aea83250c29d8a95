package dev.marquee.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/** One answer of the server: status, parsed JSON body (a missing node when empty) and headers. */
public record ApiResponse(int status, JsonNode body, HttpHeaders headers) {

    /** The contract's error code, or null when the body is not an error. */
    public String error() {
        return body.path("error").asText(null);
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
