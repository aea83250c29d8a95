package dev.marquee.server.auth;

import dev.marquee.model.auth.LoginRequest;
import dev.marquee.model.auth.SignupRequest;
import dev.marquee.server.http.ClientAddresses;
import dev.marquee.server.http.HttpJson;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** /api/auth/* and /api/me. */
public final class AuthHttpService implements HttpService {

    private final AuthService auth;
    private final Authenticator authenticator;
    private final ClientAddresses clients;
    private final HttpJson json;

    public AuthHttpService(AuthService auth, Authenticator authenticator, ClientAddresses clients, HttpJson json) {
        this.auth = auth;
        this.authenticator = authenticator;
        this.clients = clients;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/auth/signup", this::signup)
                .post("/auth/login", this::login)
                .post("/auth/logout", this::logout)
                .get("/me", this::me);
    }

    private void signup(ServerRequest request, ServerResponse response) {
        SignupRequest body = json.body(request).as(SignupRequest.class);
        json.send(response, Status.CREATED_201, auth.signup(body, clients.of(request)));
    }

    private void login(ServerRequest request, ServerResponse response) {
        LoginRequest body = json.body(request).as(LoginRequest.class);
        json.send(response, Status.OK_200, auth.login(body, clients.of(request)));
    }

    private void logout(ServerRequest request, ServerResponse response) {
        authenticator.caller(request);
        auth.logout(Authenticator.token(request));
        response.status(Status.NO_CONTENT_204).send();
    }

    private void me(ServerRequest request, ServerResponse response) {
        json.send(response, Status.OK_200, authenticator.caller(request).view());
    }
}
