package dev.marquee.server.platform;

import java.time.Duration;

/** Work that runs beside the requests (such as the hold expiry sweep), started and stopped with the server. */
public interface BackgroundWork {

    void start();

    void stop(Duration grace);
}
