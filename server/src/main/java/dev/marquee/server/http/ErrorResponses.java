package dev.marquee.server.http;

import dev.marquee.model.error.ErrorBody;
import dev.marquee.model.error.ErrorCode;
import dev.marquee.server.error.ApiException;
import dev.marquee.server.error.TooManyRequestsException;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.NotFoundException;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import java.util.UUID;

/** The one place failures become answers in the contract's shape. Nothing internal reaches the caller. */
public final class ErrorResponses {

    private static final System.Logger LOG = System.getLogger(ErrorResponses.class.getName());
    /** 503s come in floods (every request while the database fails over): a line per second says enough. */
    private static final QuietLog UNAVAILABLE_LOG = new QuietLog(LOG, java.time.Duration.ofSeconds(1));

    private final HttpJson json;
    private final ReadDeadlines deadlines;

    public ErrorResponses(HttpJson json, ReadDeadlines deadlines) {
        this.json = json;
        this.deadlines = deadlines;
    }

    public void register(HttpRouting.Builder routing) {
        routing.addFilter(this::closeAfterBrokenRequests)
                .error(ApiException.class, this::apiFailure)
                .error(NotFoundException.class, (request, response, missing) -> noSuchRoute(request, response))
                .error(Throwable.class, this::unexpected);
    }

    /**
     * Once a request's body proved unreadable and its answer went out, what follows on the connection is the rest
     * of that broken body, not a next request: the connection is closed instead of read on. A body no route read
     * is read here, within the read deadline, so that the connection can carry the client's next request.
     */
    private void closeAfterBrokenRequests(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        chain.proceed();
        if (response.isSent() && response.headers().contains(HeaderValues.CONNECTION_CLOSE)) {
            throw new CloseConnectionException("Closed after a request whose body could not be read");
        }
        if (request.content().hasEntity() && !request.content().consumed()) {
            try {
                deadlines.read(() -> {
                    request.content().consume();
                    return null;
                });
            } catch (CloseConnectionException tooSlow) {
                throw tooSlow;
            } catch (RuntimeException unreadable) {
                throw new CloseConnectionException("Closed after a request whose body could not be read", unreadable);
            }
        }
    }

    /**
     * Answers for requests the web server refuses before routing (an unreadable path or header, a body over its
     * payload limit), so that those too come in the contract's shape. The server's own message may quote the
     * request, so it is logged, never sent.
     */
    public DirectHandlers directHandlers() {
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            handlers.addHandler(type, this::direct);
        }
        return handlers.build();
    }

    /** The answer for a route nobody serves. */
    public void noSuchRoute(ServerRequest request, ServerResponse response) {
        send(response, new ApiException(ErrorCode.NOT_FOUND, "There is no such resource."));
    }

    public byte[] bodyOf(ApiException failure) {
        return json.toBytes(new ErrorBody(failure.code(), failure.getMessage(),
                failure.details().isEmpty() ? null : failure.details()));
    }

    public void send(ServerResponse response, ApiException failure) {
        if (failure instanceof TooManyRequestsException tooMany) {
            response.header(HeaderNames.RETRY_AFTER, Long.toString(tooMany.retryAfterSeconds()));
        } else if (failure.code() == ErrorCode.SERVICE_UNAVAILABLE) {
            response.header(HeaderNames.RETRY_AFTER, "1");
        } else if (failure instanceof ClientFaults.BrokenRequest) {
            response.header(HeaderValues.CONNECTION_CLOSE);
        }
        json.sendRaw(response, Status.create(failure.code().httpStatus()), bodyOf(failure));
    }

    private void apiFailure(ServerRequest request, ServerResponse response, ApiException failure) {
        if (failure.code() == ErrorCode.SERVICE_UNAVAILABLE) {
            UNAVAILABLE_LOG.warn(request.prologue().method().text() + " " + request.path().path() + ": "
                    + failure.getMessage());
        }
        send(response, failure);
    }

    private DirectHandler.TransportResponse direct(DirectHandler.TransportRequest request, DirectHandler.EventType type,
                                                   Status status, ServerResponseHeaders headers, String message) {
        UpgradedConnections.closeIfUpgraded();
        ApiException failure;
        if (deadlines.wasCutOff(Thread.currentThread())) {
            failure = new ApiException(ErrorCode.VALIDATION_FAILED, "The request took too long to arrive.");
            status = Status.REQUEST_TIMEOUT_408;
        } else if (type == DirectHandler.EventType.INTERNAL_ERROR) {
            // Before routing, what fails is the connection itself: the client hung up or sent what cannot be read.
            failure = new ClientFaults.BrokenRequest();
            status = Status.BAD_REQUEST_400;
        } else {
            failure = switch (status.code()) {
                case 413 -> new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
                        "The request body is larger than " + HttpJson.MAX_BODY_BYTES / 1024 + " KiB.");
                case 403 -> ApiException.forbidden("This request is not allowed.");
                default -> status.code() < 500
                        ? ApiException.validation("The request could not be understood: its path, headers or body are malformed.")
                        : new ApiException(ErrorCode.INTERNAL, "Something went wrong on our side.");
            };
        }
        LOG.log(status.code() < 500 ? System.Logger.Level.DEBUG : System.Logger.Level.ERROR,
                "Refused before routing ({0} {1}): {2} {3}", type, status.code(), request.method(), message);
        return DirectHandler.TransportResponse.builder()
                .status(status.code() == 408 ? status : Status.create(failure.code().httpStatus()))
                .headers(headers)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .keepAlive(type.keepAlive() && status.code() < 500 && status.code() != 408
                        && type != DirectHandler.EventType.INTERNAL_ERROR)
                .entity(bodyOf(failure))
                .build();
    }

    private void unexpected(ServerRequest request, ServerResponse response, Throwable failure) {
        if (ClientFaults.isClientFault(failure)) {
            LOG.log(System.Logger.Level.DEBUG, "Client fault on {0} {1}: {2}", request.prologue().method().text(),
                    request.path().path(), failure.toString());
            if (!response.isSent()) {
                send(response, new ClientFaults.BrokenRequest());
            }
            return;
        }
        String correlationId = UUID.randomUUID().toString();
        LOG.log(System.Logger.Level.ERROR, "INTERNAL correlationId=" + correlationId + " on "
                + request.prologue().method().text() + " " + request.path().path(), failure);
        send(response, new ApiException(ErrorCode.INTERNAL,
                "Something went wrong on our side. Please quote this reference: " + correlationId,
                Map.of("correlationId", correlationId)));
    }
}
