package dev.marquee.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Bytes on a socket, for requests no well-behaved HTTP client would send. */
public final class RawHttp {

    /** What came back: nothing at all is status 0. */
    public record Answer(int status, String head, JsonNode body, boolean closedByServer) {
    }

    private RawHttp() {
    }

    /** Sends the bytes, then reads until the server closes the connection or {@code wait} passes. */
    public static Answer exchange(int port, String request, Duration wait) {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1), wait);
    }

    public static Answer exchange(int port, byte[] request, Duration wait) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) wait.toMillis());
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            boolean closed = readUntilClosed(socket, received);
            return parse(received.toString(StandardCharsets.UTF_8), closed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean readUntilClosed(Socket socket, ByteArrayOutputStream received) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                received.write(buffer, 0, n);
                if (complete(received.toString(StandardCharsets.ISO_8859_1))) {
                    // One whole answer: wait a moment more only to learn whether the server closes.
                    socket.setSoTimeout(300);
                }
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase();
        int at = head.indexOf("content-length:");
        if (at < 0) {
            return true;
        }
        int length = Integer.parseInt(head.substring(at + 15).split("\r\n")[0].strip());
        return text.length() - end - 4 >= length;
    }

    private static Answer parse(String text, boolean closed) {
        if (text.isEmpty()) {
            return new Answer(0, "", MissingNode.getInstance(), closed);
        }
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        int status = Integer.parseInt(head.split(" ", 3)[1]);
        try {
            JsonNode json = body.isBlank() ? MissingNode.getInstance() : ApiClient.MAPPER.readTree(body);
            return new Answer(status, head, json, closed);
        } catch (IOException notJson) {
            return new Answer(status, head, MissingNode.getInstance(), closed);
        }
    }
}
