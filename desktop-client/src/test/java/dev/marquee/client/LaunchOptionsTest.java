package dev.marquee.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void serverFlagNamesTheServer() {
        assertEquals(Optional.of("http://box-office:9000"),
                LaunchOptions.parse(List.of("--server", "http://box-office:9000")).server());
        assertEquals(Optional.of("http://box-office:9000"),
                LaunchOptions.parse(List.of("--server=http://box-office:9000")).server());
    }

    @Test
    void withoutTheFlagNoServerIsChosen() {
        assertEquals(Optional.empty(), LaunchOptions.parse(List.of("--verbose")).server());
        assertEquals(Optional.empty(), LaunchOptions.parse(List.of("--server")).server());
    }

    @Test
    void smokeTestIsAskedForByName() {
        assertTrue(LaunchOptions.parse(List.of("--server", "http://x:1", "--smoke-test")).smokeTest());
        assertFalse(LaunchOptions.parse(List.of("--server", "http://x:1")).smokeTest());
    }
}
