package dev.marquee.client.common.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerAddressTest {

    @Test
    void trailingSlashAndSpacesAreDropped() {
        assertEquals(Optional.of(URI.create("https://tickets.example.org:8443")),
                ServerAddress.parse("  https://tickets.example.org:8443/ "));
    }

    @Test
    void addressWithoutSchemeOrHostIsRefused() {
        assertTrue(ServerAddress.parse("localhost:8080").isEmpty());
        assertTrue(ServerAddress.parse("ftp://files.example.org").isEmpty());
        assertTrue(ServerAddress.parse("http://").isEmpty());
        assertTrue(ServerAddress.parse(" ").isEmpty());
    }
}
