package dev.marquee.server.auth;

import dev.marquee.model.error.ErrorCode;
import dev.marquee.server.error.ApiException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;

/** Finds the caller of a request from its {@code Authorization: Bearer} header. */
public final class Authenticator {

    private static final String BEARER = "bearer ";

    private final AuthService auth;

    public Authenticator(AuthService auth) {
        this.auth = auth;
    }

    public Caller caller(ServerRequest request) {
        return auth.authenticate(token(request));
    }

    /**
     * The caller of a request that does not need one: empty when it carries no Authorization header, or one that
     * names no live session (a public read answers such a request as it answers anyone).
     */
    public Optional<Caller> optionalCaller(ServerRequest request) {
        if (!request.headers().contains(HeaderNames.AUTHORIZATION)) {
            return Optional.empty();
        }
        try {
            return Optional.of(caller(request));
        } catch (ApiException notSignedIn) {
            if (notSignedIn.code() != ErrorCode.UNAUTHORIZED) {
                throw notSignedIn;
            }
            return Optional.empty();
        }
    }

    static String token(ServerRequest request) {
        String header = request.headers().first(HeaderNames.AUTHORIZATION)
                .orElseThrow(() -> ApiException.unauthorized("Please sign in first."));
        if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiException.unauthorized("The Authorization header must be 'Bearer <token>'.");
        }
        String token = header.substring(BEARER.length()).strip();
        if (token.isEmpty() || token.length() > 200) {
            throw ApiException.unauthorized("Your session is not valid or has expired. Please sign in again.");
        }
        return token;
    }
}
