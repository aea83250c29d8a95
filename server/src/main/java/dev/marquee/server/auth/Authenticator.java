package dev.marquee.server.auth;

import dev.marquee.server.error.ApiException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

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
