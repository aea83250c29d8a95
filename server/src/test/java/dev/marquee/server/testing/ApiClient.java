package dev.marquee.server.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.marquee.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Talks to a test server over real HTTP, as one user (or anonymously). */
public final class ApiClient {

    public static final ObjectMapper MAPPER = Json.newMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    private static final Map<String, HttpClient> FROM_ADDRESS = new ConcurrentHashMap<>();

    private final String baseUrl;
    private final String token;
    private final String userId;
    private final HttpClient http;

    public ApiClient(String baseUrl, String token, String userId) {
        this(baseUrl, token, userId, HTTP);
    }

    private ApiClient(String baseUrl, String token, String userId, HttpClient http) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.userId = userId;
        this.http = http;
    }

    /**
     * The same caller connecting from another loopback address (such as 127.0.0.7), standing for another client
     * machine in the limits kept per address.
     */
    public ApiClient from(String loopbackAddress) {
        HttpClient bound = FROM_ADDRESS.computeIfAbsent(loopbackAddress, address -> {
            try {
                return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                        .version(HttpClient.Version.HTTP_1_1).localAddress(InetAddress.getByName(address)).build();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(e);
            }
        });
        return new ApiClient(baseUrl.replace("//localhost:", "//127.0.0.1:"), token, userId, bound);
    }

    public String token() {
        return token;
    }

    public String userId() {
        return userId;
    }

    public ApiResponse get(String path) {
        return send(request(path).GET());
    }

    public ApiResponse delete(String path) {
        return send(request(path).DELETE());
    }

    public ApiResponse post(String path, Object body) {
        return send(request(path).POST(json(body)));
    }

    public ApiResponse patch(String path, Object body) {
        return send(request(path).method("PATCH", json(body)));
    }

    /** A POST that needs an Idempotency-Key, with a fresh one. */
    public ApiResponse postOnce(String path, Object body) {
        return postOnce(path, UUID.randomUUID().toString(), body);
    }

    public ApiResponse postOnce(String path, String idempotencyKey, Object body) {
        return send(request(path).header("Idempotency-Key", idempotencyKey).POST(json(body)));
    }

    /** A raw request for bad-input tests: any method, headers as name/value pairs, any body bytes. */
    public ApiResponse raw(String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder builder = request(path).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            builder.setHeader(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    /** A GET whose answer is not JSON (a CSV, a PDF). */
    public Download download(String path) {
        try {
            HttpResponse<byte[]> response = http.send(request(path).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            String text = body instanceof String raw ? raw : MAPPER.writeValueAsString(body);
            return HttpRequest.BodyPublishers.ofString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private ApiResponse send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        if (request.bodyPublisher().isPresent() && request.headers().firstValue("Content-Type").isEmpty()) {
            request = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Content-Type", "application/json").build();
        }
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = response.body().length == 0 ? MissingNode.getInstance() : MAPPER.readTree(response.body());
            return new ApiResponse(response.statusCode(), body, response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
