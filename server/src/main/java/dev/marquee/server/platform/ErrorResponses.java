package dev.marquee.server.platform;

import dev.marquee.model.error.ErrorBody;
import dev.marquee.model.error.ErrorCode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import java.util.UUID;

/** The one place failures become answers in the contract's shape. Nothing internal reaches the caller. */
public final class ErrorResponses {

    private static final System.Logger LOG = System.getLogger(ErrorResponses.class.getName());

    private final HttpJson json;

    public ErrorResponses(HttpJson json) {
        this.json = json;
    }

    public void register(HttpRouting.Builder routing) {
        routing.error(ApiException.class, this::apiFailure)
                .error(Throwable.class, this::unexpected);
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
        }
        json.sendRaw(response, Status.create(failure.code().httpStatus()), bodyOf(failure));
    }

    private void apiFailure(ServerRequest request, ServerResponse response, ApiException failure) {
        if (failure.code() == ErrorCode.SERVICE_UNAVAILABLE) {
            LOG.log(System.Logger.Level.WARNING, "{0} {1}: {2}", request.prologue().method().text(),
                    request.path().path(), failure.getMessage());
        }
        send(response, failure);
    }

    private void unexpected(ServerRequest request, ServerResponse response, Throwable failure) {
        String correlationId = UUID.randomUUID().toString();
        LOG.log(System.Logger.Level.ERROR, "INTERNAL correlationId=" + correlationId + " on "
                + request.prologue().method().text() + " " + request.path().path(), failure);
        send(response, new ApiException(ErrorCode.INTERNAL,
                "Something went wrong on our side. Please quote this reference: " + correlationId,
                Map.of("correlationId", correlationId)));
    }
}
