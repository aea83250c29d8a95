package dev.marquee.server.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.model.Json;
import dev.marquee.server.error.ApiException;
import dev.marquee.server.observe.Meters;
import dev.marquee.server.testing.LogCapture;
import dev.marquee.server.testing.RawWebSocket;
import dev.marquee.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /ws} speaks RFC 6455 to the letter, and no connection can make the server work for it without limit. */
class LiveProtocolTest {

    private static TestServer server;
    private static int port;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        port = Integer.parseInt(server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPingIsAnsweredWithAPongCarryingItsPayload() {
        try (RawWebSocket ws = RawWebSocket.open(port)) {
            ws.send(0x9, "are you there".getBytes(StandardCharsets.UTF_8));

            List<RawWebSocket.Frame> frames = ws.frames(1000);

            assertEquals(1, frames.size(), frames.toString());
            assertEquals(0xA, frames.getFirst().opCode());
            assertArrayEquals("are you there".getBytes(StandardCharsets.UTF_8), frames.getFirst().payload());
        }
    }

    @Test
    void anUnknownOpcodeClosesWithProtocolErrorNotAnHttpAnswer() {
        for (int opCode : new int[] {0x3, 0x7, 0xB, 0xF}) {
            try (LogCapture log = LogCapture.start(); RawWebSocket ws = RawWebSocket.open(port)) {
                ws.send(opCode, new byte[] {1, 2, 3});

                List<RawWebSocket.Frame> frames = ws.frames(3000);

                assertEquals(1, frames.size(), "opcode " + opCode + ": " + frames);
                assertEquals(0x8, frames.getFirst().opCode(), "a close frame, not HTTP bytes");
                assertEquals(1002, frames.getFirst().closeCode());
                assertTrue(ws.closedByServer(3000));
                assertEquals(List.of(), log.lines());
            }
        }
    }

    @Test
    void subscribingToShowsFasterThanABrowserCouldIsRefusedWithoutWork() {
        AtomicInteger reads = new AtomicInteger();
        LiveHub hub = new LiveHub(showId -> {
            reads.incrementAndGet();
            throw ApiException.notFound("no show");
        }, showId -> null);
        RecordingSocket socket = new RecordingSocket(new CountDownLatch(0));
        LiveEndpoint endpoint = new LiveEndpoint(hub, new PersonalPushes(token -> {
            throw ApiException.unauthorized("no session");
        },
                entryId -> java.util.Optional.empty()), Json.newMapper(), new MessageText(Json.newMapper()),
                PushCounters.registeredIn(Meters.create()));
        endpoint.onOpen(socket);
        long started = System.nanoTime();

        for (int frame = 0; frame < 20; frame++) {
            endpoint.onMessage(socket, subscribe(LongStream.range(1_000_000 + frame * 100L, 1_000_100 + frame * 100L)),
                    true);
        }

        double seconds = (System.nanoTime() - started) / 1e9;
        long allowed = LiveEndpoint.SUBSCRIBE_BURST + (long) Math.ceil(seconds * LiveEndpoint.SUBSCRIBES_PER_SECOND);
        assertTrue(reads.get() <= allowed, reads.get() + " shows looked up in " + seconds + " s; allowed " + allowed);
        assertTrue(reads.get() >= LiveEndpoint.SUBSCRIBE_BURST, "the burst itself was served: " + reads.get());
        hub.stop(Duration.ofSeconds(1));
    }

    @Test
    void aShowFoundMissingIsRememberedSoAskingAgainReadsNothing() {
        int[] reads = new int[1];
        LiveHub hub = new LiveHub(showId -> {
            reads[0]++;
            throw ApiException.notFound("no show");
        }, showId -> null);
        LiveSession session = new LiveSession(new RecordingSocket(new CountDownLatch(0)), new MessageText(Json.newMapper()),
                PushCounters.registeredIn(Meters.create()), hub.writers());

        for (int i = 0; i < 50; i++) {
            assertEquals(false, hub.subscribe(session, 424242));
        }

        assertEquals(1, reads[0], "one read, then remembered");
        hub.stop(Duration.ofSeconds(1));
    }

    private static String subscribe(LongStream showIds) {
        return "{\"type\":\"subscribe\",\"showIds\":[" + showIds.mapToObj(Long::toString)
                .collect(Collectors.joining(",")) + "]}";
    }
}
