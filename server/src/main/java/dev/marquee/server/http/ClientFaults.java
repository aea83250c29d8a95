package dev.marquee.server.http;

import dev.marquee.model.error.ErrorCode;
import dev.marquee.server.error.ApiException;
import io.helidon.http.RequestException;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Failures that are the client's doing (a malformed body, a connection dropped mid-request): answered 400 in the
 * contract's shape and logged as one line at most, never as a stack trace.
 */
public final class ClientFaults {

    private static final System.Logger LOG = System.getLogger(ClientFaults.class.getName());

    private ClientFaults() {
    }

    /** A 400 after which the connection closes: what is left of the body cannot be read to find the next request. */
    static final class BrokenRequest extends ApiException {

        BrokenRequest() {
            super(ErrorCode.VALIDATION_FAILED, "The request could not be read: it is malformed or was cut short.",
                    Map.of(), false);
        }
    }

    static ApiException unreadableBody(ServerRequest request, Exception cause) {
        LOG.log(System.Logger.Level.DEBUG, "Unreadable request body on {0} {1}: {2}",
                request.prologue().method().text(), request.path().path(), cause.toString());
        return new BrokenRequest();
    }

    /**
     * Whether an unexpected failure came from the client's side of the connection rather than from a fault of
     * ours: Helidon's own 4xx for a request it could not parse, or the connection failing under a request.
     */
    static boolean isClientFault(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestException request && request.status().code() < 500
                    || cause instanceof UncheckedIOException
                    || cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
