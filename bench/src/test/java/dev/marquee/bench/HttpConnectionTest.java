package dev.marquee.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpConnectionTest {

    @Test
    void readsAContentLengthBodyAndLeavesTheNextResponseUnread() throws IOException {
        InputStream in = stream("HTTP/1.1 201 Created\r\nContent-Length: 12\r\n\r\n{\"id\":\"a-1\"}"
                + "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 1\r\ncontent-length: 2\r\n\r\n{}");
        HttpConnection.Response first = HttpConnection.read(in);
        assertEquals(201, first.status());
        assertEquals("a-1", OpenLoad.idOf(first.body()));
        assertEquals(429, HttpConnection.read(in).status());
    }

    @Test
    void readsAChunkedBody() throws IOException {
        HttpConnection.Response response = HttpConnection.read(stream(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"));
        assertEquals("hello world", response.text());
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }
}
