package dev.marquee.client.common.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.marquee.model.Json;
import dev.marquee.model.error.ErrorBody;
import dev.marquee.model.error.ErrorCode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * How the contract's calls travel: requests with the bearer token and a timeout, JSON both ways, an idempotency key
 * where a call takes one, and every failure as an {@link ApiException} (the server's error body) or a
 * {@link ServerUnreachableException}. {@link ServerApi} and {@link AdminApi} say what to call; this says how.
 */
final class HttpCalls {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final ObjectMapper JSON = Json.newMapper();
    // A newer server may send codes this client does not know yet; its sentence is still worth showing.
    private static final ObjectReader ERROR_READER = JSON.readerFor(ErrorBody.class)
            .with(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);

    private final HttpClient http;
    private final URI server;
    private final String token;

    HttpCalls(HttpClient http, URI server, String token) {
        this.http = http;
        this.server = server;
        this.token = token;
    }

    URI server() {
        return server;
    }

    String token() {
        return token;
    }

    HttpCalls withToken(String bearerToken) {
        return new HttpCalls(http, server, bearerToken);
    }

    <T> T get(String path, TypeReference<T> answerType) {
        return send(request(path).GET(), answerType);
    }

    /** A POST with a JSON body (none when null); a null answer type ignores the answer's body. */
    <T> T post(String path, Object body, TypeReference<T> answerType) {
        return send(post(path, body), answerType);
    }

    /** A POST that a retry with the same key repeats at most once on the server. */
    <T> T postOnce(String path, Object body, String idempotencyKey, TypeReference<T> answerType) {
        return send(post(path, body).header(IDEMPOTENCY_KEY, idempotencyKey), answerType);
    }

    <T> T patch(String path, Object body, TypeReference<T> answerType) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bodyBytes(path, body))), answerType);
    }

    void delete(String path) {
        send(request(path).DELETE(), null);
    }

    /** An answer that is not JSON (a PDF, a CSV), as its bytes; errors as every other call's. */
    byte[] download(String path) {
        HttpResponse<byte[]> response = exchange(request(path).header("Accept", "*/*").GET().build());
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new ApiException(status, errorBody(status, response.body()));
        }
        return response.body();
    }

    /** Ids typed by a person go into the path; encoding keeps a stray slash or space from changing the route. */
    static String segment(String id) {
        return URLEncoder.encode(id.strip(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private HttpRequest.Builder post(String path, Object body) {
        if (body == null) {
            return request(path).POST(HttpRequest.BodyPublishers.noBody());
        }
        return request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bodyBytes(path, body)));
    }

    private static byte[] bodyBytes(String path, Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write request body for " + path, e);
        }
    }

    private <T> T send(HttpRequest.Builder builder, TypeReference<T> answerType) {
        HttpResponse<byte[]> response = exchange(builder.build());
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new ApiException(status, errorBody(status, response.body()));
        }
        if (answerType == null) {
            return null;
        }
        try {
            return JSON.readValue(response.body(), answerType);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable answer from " + response.uri(), e);
        }
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw ServerUnreachableException.cannotReach(server, e);
        } catch (HttpTimeoutException e) {
            throw ServerUnreachableException.tooSlow(server, e);
        } catch (IOException e) {
            throw ServerUnreachableException.cannotReach(server, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException("Stopped waiting for the server at " + server + ".", e);
        }
    }

    private ErrorBody errorBody(int status, byte[] body) {
        try {
            ErrorBody parsed = ERROR_READER.readValue(body);
            if (parsed != null && parsed.message() != null && !parsed.message().isBlank()) {
                return parsed;
            }
        } catch (IOException e) {
            // Not the contract's body (a proxy's HTML page, say): fall through to a sentence of our own.
        }
        return new ErrorBody(codeFor(status),
                "The server at " + server + " answered with HTTP status " + status + ".", Map.of());
    }

    private static ErrorCode codeFor(int status) {
        for (ErrorCode code : ErrorCode.values()) {
            if (code.httpStatus() == status) {
                return code;
            }
        }
        return ErrorCode.INTERNAL;
    }
}
