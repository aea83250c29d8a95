package dev.marquee.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.model.error.ErrorCode;
import dev.marquee.server.error.ApiException;
import io.helidon.http.BadRequestException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Reads JSON request bodies (size, media type and syntax checked) and sends JSON answers. */
public final class HttpJson {

    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final ObjectMapper mapper;
    private final ReadDeadlines deadlines;

    public HttpJson(ObjectMapper mapper, ReadDeadlines deadlines) {
        this.mapper = mapper;
        this.deadlines = deadlines;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** The body as JSON; a missing body is an error. */
    public RequestBody body(ServerRequest request) {
        return optionalBody(request).orElseThrow(() -> ApiException.validation("A JSON request body is required."));
    }

    /** The body as JSON, or empty when the request carries none. */
    public Optional<RequestBody> optionalBody(ServerRequest request) {
        long declared = request.headers().contentLength().orElse(-1L);
        if (declared > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        if (!request.content().hasEntity() || declared == 0) {
            return Optional.empty();
        }
        requireJson(request);
        byte[] bytes = readLimited(request, declared);
        if (bytes.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode json = mapper.readTree(bytes);
            return Optional.of(new RequestBody(json, mapper));
        } catch (JsonProcessingException e) {
            throw ApiException.validation("The request body is not valid JSON.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void send(ServerResponse response, Status status, Object body) {
        sendRaw(response, status, toBytes(body));
    }

    public void sendRaw(ServerResponse response, Status status, byte[] json) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.send(json);
    }

    public byte[] toBytes(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a response body", e);
        }
    }

    private static void requireJson(ServerRequest request) {
        Optional<HttpMediaType> type;
        try {
            type = request.headers().contentType();
        } catch (IllegalArgumentException | BadRequestException unparseable) {
            type = Optional.empty();
        }
        boolean json = type.isPresent()
                && type.get().mediaType().type().equalsIgnoreCase("application")
                && type.get().mediaType().subtype().equalsIgnoreCase("json");
        if (!json) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The request body must be application/json.");
        }
    }

    /**
     * Reads at most the declared length (a byte more, should the body run on) when there is one, so a small body
     * does not cost a buffer sized for the largest.
     */
    private byte[] readLimited(ServerRequest request, long declared) {
        return deadlines.read(() -> readWhole(request, declared));
    }

    private static byte[] readWhole(ServerRequest request, long declared) {
        byte[] bytes;
        InputStream in = request.content().inputStream();
        try {
            bytes = in.readNBytes(declared < 0 ? MAX_BODY_BYTES + 1 : (int) declared + 1);
        } catch (IOException | RuntimeException unreadable) {
            // A malformed chunk size, a body cut short, a client gone mid-upload: the client's fault, not ours.
            // The stream is left unclosed: closing would read on through the broken body (perhaps waiting for a
            // "chunk" of bytes that never come); the answer closes the connection instead.
            throw ClientFaults.unreadableBody(request, unreadable);
        }
        try {
            in.close();
        } catch (IOException | RuntimeException unreadable) {
            throw ClientFaults.unreadableBody(request, unreadable);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        return bytes;
    }

    private static ApiException tooLarge() {
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + MAX_BODY_BYTES / 1024 + " KiB.");
    }
}
