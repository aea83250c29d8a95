package dev.marquee.client.common.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** Reads what a person typed as the server's address; only absolute http(s) addresses with a host are accepted. */
public final class ServerAddress {

    private ServerAddress() {
    }

    public static Optional<URI> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        // A trailing slash would double up with the API paths, which all start with one.
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
