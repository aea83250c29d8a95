package dev.marquee.server;

import dev.marquee.server.booking.lanes.LaneLimits;
import dev.marquee.server.onsale.LineSettings;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the server reads at start-up, in one record per concern, each built from its keys by name. Defaults
 * live in {@code application.yaml} under {@code marquee.*}; an environment variable
 * {@code MARQUEE_HOLD_TTL_SECONDS} overrides the key {@code marquee.hold-ttl-seconds}.
 */
public record Settings(
        Http http,
        Database database,
        Sessions sessions,
        Booking booking,
        LineSettings line,
        SignIn signIn,
        Retention retention,
        Printing printing) {

    /** How printed tickets read: the time zone their show times are given in. */
    public record Printing(ZoneId timeZone) {

        static Printing from(Config config) {
            return new Printing(config.get("time-zone").asString().asOptional().filter(s -> !s.isBlank())
                    .map(Printing::zone).orElse(ZoneId.systemDefault()));
        }

        private static ZoneId zone(String name) {
            try {
                return ZoneId.of(name.strip());
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException("MARQUEE_TIME_ZONE '" + name
                        + "' is not a time zone; use a name such as America/New_York or Europe/Paris.", e);
            }
        }
    }

    /** Where the server's database is and how the server uses it. */
    public record Database(Optional<String> url, String user, String password, Path dataDir, boolean demoData,
                           int poolSize, Duration lockTimeout, int poolMaxWaiting) {

        static Database from(Config config) {
            Optional<String> url = config.get("db-url").asString().asOptional().filter(s -> !s.isBlank());
            return new Database(
                    url,
                    config.get("db-user").asString().orElse("postgres"),
                    config.get("db-password").asString().orElse(""),
                    config.get("data-dir").asString().asOptional().filter(s -> !s.isBlank()).map(Path::of)
                            .orElse(Path.of(System.getProperty("user.home"), ".marquee", "data")),
                    config.get("demo-data").asBoolean().orElse(url.isEmpty()),
                    config.get("db-pool-size").asInt().get(),
                    Duration.ofMillis(config.get("lock-timeout-ms").asLong().get()),
                    config.get("pool-max-waiting").asInt().get());
        }

        /** No URL: the server runs an embedded PostgreSQL in {@link #dataDir}. */
        public boolean embedded() {
            return url.isEmpty();
        }
    }

    /** How long a sign-in lasts, how long an instance trusts it unchecked, and what a password hash costs. */
    public record Sessions(Duration ttl, Duration cacheTtl, int passwordCost) {

        static Sessions from(Config config) {
            return new Sessions(
                    Duration.ofHours(config.get("session-ttl-hours").asLong().get()),
                    Duration.ofMillis(config.get("session-cache-ms").asLong().get()),
                    config.get("password-cost").asInt().get());
        }
    }

    /**
     * Holds, the booking strategy and its lanes, how long the box office sells after a show starts, and how long a
     * waiting list's offer lasts.
     */
    public record Booking(Duration holdTtl, Duration expirySweepInterval, String strategy, int lanes,
                          LaneLimits laneLimits, Duration doorSales, Duration waitlistOffer) {

        static Booking from(Config config) {
            return new Booking(
                    Duration.ofSeconds(config.get("hold-ttl-seconds").asLong().get()),
                    Duration.ofMillis(config.get("expiry-sweep-ms").asLong().get()),
                    config.get("booking-strategy").asString().get(),
                    config.get("booking-lanes").asInt().get(),
                    new LaneLimits(
                            config.get("lane-max-batch").asInt().get(),
                            config.get("lane-max-queue").asInt().get(),
                            Duration.ofMillis(config.get("lane-max-wait-ms").asLong().get()),
                            Duration.ofMillis(config.get("lane-linger-ms").asLong().get())),
                    Duration.ofMinutes(config.get("door-sales-minutes").asLong().get()),
                    Duration.ofMinutes(config.get("waitlist-offer-minutes").asLong().get()));
        }
    }

    /** The waiting line: an admission's window, the rounds, when AUTO lets go, and the admission pace's bounds. */
    private static LineSettings line(Config config) {
        return new LineSettings(
                Duration.ofSeconds(config.get("queue-admission-seconds").asLong().get()),
                Duration.ofMillis(config.get("queue-round-ms").asLong().get()),
                Duration.ofSeconds(config.get("queue-auto-idle-seconds").asLong().get()),
                config.get("queue-start-rate").asInt().get(),
                config.get("queue-max-rate").asInt().get());
    }

    /** What the retention sweep deletes, how often and in what batches (docs/operations.md). */
    public record Retention(Duration interval, int batchSize, Duration idempotencyKeys) {

        static Retention from(Config config) {
            return new Retention(
                    Duration.ofSeconds(config.get("retention-sweep-seconds").asLong().get()),
                    config.get("retention-batch").asInt().get(),
                    // The contract keeps idempotency keys at least 24 hours, whatever is configured.
                    Duration.ofHours(Math.max(24, config.get("idempotency-key-hours").asLong().get())));
        }
    }

    /** The ports, how long the server waits on a client's connection, and how many it keeps (docs/operations.md). */
    public record Http(int port, int adminPort, Duration readTimeout, int maxConnections, Duration idleTimeout) {

        static Http from(Config config) {
            return new Http(
                    config.get("port").asInt().get(),
                    config.get("admin-port").asInt().get(),
                    Duration.ofSeconds(config.get("http-read-timeout-seconds").asLong().get()),
                    config.get("http-max-connections").asInt().get(),
                    Duration.ofSeconds(config.get("http-idle-timeout-seconds").asLong().get()));
        }

        /** How often idle connections are looked for: a tenth of the idle timeout, at least every second. */
        public Duration idleCheck() {
            Duration tenth = idleTimeout.dividedBy(10);
            return tenth.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : tenth;
        }
    }

    /** How sign-ins and sign-ups are limited (docs/api.md, "Sign-in limits"). */
    public record SignIn(
            int accountFreeFailures,
            Duration accountMaxDelay,
            int addressFreeFailures,
            Duration addressMaxDelay,
            Duration window,
            int passwordThreads,
            int passwordQueue,
            int signupBurst,
            int signupsPerHour,
            String trustedProxies) {

        static SignIn from(Config config) {
            return new SignIn(
                    config.get("sign-in-account-free-failures").asInt().get(),
                    Duration.ofSeconds(config.get("sign-in-account-max-delay-seconds").asLong().get()),
                    config.get("sign-in-address-free-failures").asInt().get(),
                    Duration.ofSeconds(config.get("sign-in-address-max-delay-seconds").asLong().get()),
                    Duration.ofMinutes(config.get("sign-in-window-minutes").asLong().get()),
                    config.get("password-threads").asInt().get(),
                    config.get("password-queue").asInt().get(),
                    config.get("signup-burst").asInt().get(),
                    config.get("signups-per-hour").asInt().get(),
                    config.get("trusted-proxies").asString().orElse(""));
        }
    }

    /** Settings from application.yaml overridden by MARQUEE_* variables of the given environment. */
    public static Settings load(Map<String, String> environment) {
        Config config = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(ConfigSources.create(overrides(environment)),
                        ConfigSources.classpath("application.yaml"))
                .build()
                .get("marquee");
        return new Settings(Http.from(config), Database.from(config), Sessions.from(config), Booking.from(config),
                line(config), SignIn.from(config), Retention.from(config), Printing.from(config));
    }

    private static Map<String, String> overrides(Map<String, String> environment) {
        Map<String, String> keys = new HashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("MARQUEE_")) {
                keys.put("marquee." + name.substring("MARQUEE_".length()).toLowerCase(Locale.ROOT).replace('_', '-'),
                        value);
            }
        });
        return keys;
    }
}
