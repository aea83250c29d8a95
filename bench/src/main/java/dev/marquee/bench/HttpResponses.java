package dev.marquee.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Finds one complete HTTP/1.1 response at the start of the bytes read so far from a connection: the status line,
 * the headers, then a {@code Content-Length} or chunked body. Until the bytes hold a whole response it answers
 * {@code null}, and the caller reads more and asks again.
 */
final class HttpResponses {

    /** A response: its status and body. */
    record Response(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A whole response and how many of the bytes it took. */
    record Parsed(Response response, int consumed) {
    }

    private HttpResponses() {
    }

    /** The response {@code bytes[0..length)} starts with, or {@code null} when more bytes are needed. */
    static Parsed parse(byte[] bytes, int length) {
        int headEnd = indexOf(bytes, 0, length, "\r\n\r\n");
        if (headEnd < 0) {
            return null;
        }
        String head = new String(bytes, 0, headEnd, StandardCharsets.US_ASCII);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        int contentLength = -1;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).trim();
            String value = lines[i].substring(colon + 1).trim();
            if (name.equalsIgnoreCase("content-length")) {
                contentLength = Integer.parseInt(value);
            } else if (name.equalsIgnoreCase("transfer-encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            }
        }
        int bodyStart = headEnd + 4;
        if (chunked) {
            return chunked(bytes, length, status, bodyStart);
        }
        int bodyLength = Math.max(0, contentLength);
        if (length < bodyStart + bodyLength) {
            return null;
        }
        byte[] body = new byte[bodyLength];
        System.arraycopy(bytes, bodyStart, body, 0, bodyLength);
        return new Parsed(new Response(status, body), bodyStart + bodyLength);
    }

    private static Parsed chunked(byte[] bytes, int length, int status, int start) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int position = start;
        while (true) {
            int lineEnd = indexOf(bytes, position, length, "\r\n");
            if (lineEnd < 0) {
                return null;
            }
            String sizeLine = new String(bytes, position, lineEnd - position, StandardCharsets.US_ASCII);
            int extension = sizeLine.indexOf(';');
            int size = Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
            position = lineEnd + 2;
            if (position + size + 2 > length) {
                return null;
            }
            if (size == 0) {
                return new Parsed(new Response(status, body.toByteArray()), position + 2);
            }
            body.write(bytes, position, size);
            position += size + 2;
        }
    }

    private static int indexOf(byte[] bytes, int from, int to, String text) {
        outer:
        for (int i = from; i <= to - text.length(); i++) {
            for (int j = 0; j < text.length(); j++) {
                if (bytes[i + j] != text.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
