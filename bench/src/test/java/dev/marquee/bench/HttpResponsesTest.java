package dev.marquee.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpResponsesTest {

    @Test
    void takesAContentLengthResponseAndLeavesTheNextOneUnread() {
        String first = "HTTP/1.1 201 Created\r\nContent-Length: 12\r\n\r\n{\"id\":\"a-1\"}";
        byte[] bytes = bytes(first + "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 1\r\ncontent-length: 2\r\n\r\n{}");
        HttpResponses.Parsed parsed = HttpResponses.parse(bytes, bytes.length);
        assertEquals(201, parsed.response().status());
        assertEquals("a-1", OpenLoad.idOf(parsed.response().body()));
        assertEquals(first.length(), parsed.consumed());
    }

    @Test
    void takesAChunkedBody() {
        byte[] bytes = bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
        HttpResponses.Parsed parsed = HttpResponses.parse(bytes, bytes.length);
        assertEquals("hello world", parsed.response().text());
        assertEquals(bytes.length, parsed.consumed());
    }

    @Test
    void answersNothingUntilTheWholeResponseIsThere() {
        byte[] lengthed = bytes("HTTP/1.1 201 Created\r\nContent-Length: 12\r\n\r\n{\"id\":\"a-1\"}");
        byte[] chunked = bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
        for (byte[] bytes : new byte[][] {lengthed, chunked}) {
            for (int length = 0; length < bytes.length; length++) {
                assertNull(HttpResponses.parse(bytes, length), "complete at " + length + " of " + bytes.length);
            }
            assertEquals(bytes.length, HttpResponses.parse(bytes, bytes.length).consumed());
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
