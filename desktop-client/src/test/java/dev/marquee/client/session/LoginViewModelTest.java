package dev.marquee.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.client.common.FakeServer;
import dev.marquee.client.common.RecordingNavigator;
import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.Tasks;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.api.ServerMemory;
import dev.marquee.client.common.api.Session;
import dev.marquee.model.auth.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoginViewModelTest {

    private static final String CLERK_SIGNED_IN = """
            {"token":"tok-clerk","expiresAt":"2026-07-15T20:00:00Z",
             "user":{"id":"6f1c","email":"clerk@marquee.test","displayName":"Casey Clerk","role":"CLERK"}}""";
    private static final String WRONG_CREDENTIALS = """
            {"error":"UNAUTHORIZED","message":"Email or password is not right."}""";

    private final HttpClient http = ServerApi.newHttpClient();
    private final FakeServer server = FakeServer.start();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final RememberedServer memory = new RememberedServer();

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void rightCredentialsOpenTheWorkspaceAsThatUser() {
        server.answer("POST", "/api/auth/login", 200, CLERK_SIGNED_IN);
        LoginViewModel viewModel = signingIn(server.uri().toString(), Tasks.sameThread());

        viewModel.signIn();

        assertEquals(1, navigator.workspaces.size());
        Session session = navigator.workspaces.getFirst();
        assertEquals("Casey Clerk", session.user().displayName());
        assertEquals(Role.CLERK, session.user().role());
        assertEquals("{\"email\":\"clerk@marquee.test\",\"password\":\"marquee-demo\"}",
                server.requests().getFirst().body());
        assertEquals("", viewModel.errorMessageProperty().get());
    }

    @Test
    void signedInSessionSendsTheTokenItWasGiven() {
        server.answer("POST", "/api/auth/login", 200, CLERK_SIGNED_IN).answer("GET", "/api/events", 200, "[]");
        signingIn(server.uri().toString(), Tasks.sameThread()).signIn();

        navigator.workspaces.getFirst().api().events();

        assertEquals("Bearer tok-clerk", server.requests().getLast().authorization());
    }

    @Test
    void wrongPasswordShowsTheServersSentence() {
        server.answer("POST", "/api/auth/login", 401, WRONG_CREDENTIALS);
        LoginViewModel viewModel = signingIn(server.uri().toString(), Tasks.sameThread());

        viewModel.signIn();

        assertEquals("Email or password is not right.", viewModel.errorMessageProperty().get());
        assertTrue(navigator.workspaces.isEmpty());
        assertFalse(viewModel.busyProperty().get());
    }

    @Test
    void unreachableServerSaysSoAndNamesTheAddress() {
        URI nobodyHome = FakeServer.addressNobodyListensOn();
        LoginViewModel viewModel = signingIn(nobodyHome.toString(), Tasks.sameThread());

        viewModel.signIn();

        assertEquals("Cannot reach the server at " + nobodyHome + ".", viewModel.errorMessageProperty().get());
    }

    @Test
    void missingEmailAndPasswordAreAskedForWithoutCallingTheServer() {
        LoginViewModel viewModel = signingIn(server.uri().toString(), Tasks.sameThread());
        viewModel.emailProperty().set("  ");
        viewModel.passwordProperty().set("");

        viewModel.signIn();

        assertEquals("Enter your email and password.", viewModel.errorMessageProperty().get());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void missingPasswordAloneIsNamed() {
        LoginViewModel viewModel = signingIn(server.uri().toString(), Tasks.sameThread());
        viewModel.passwordProperty().set("");

        viewModel.signIn();

        assertEquals("Enter your password.", viewModel.errorMessageProperty().get());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void addressThatIsNotAWebAddressIsRefusedBeforeAnyCall() {
        LoginViewModel viewModel = signingIn("localhost:8080", Tasks.sameThread());

        viewModel.signIn();

        assertEquals("Enter the server's address, for example http://localhost:8080.",
                viewModel.errorMessageProperty().get());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void serverIsRememberedOnlyAfterASuccessfulSignIn() {
        server.answer("POST", "/api/auth/login", 401, WRONG_CREDENTIALS);
        LoginViewModel viewModel = signingIn(server.uri() + "/", Tasks.sameThread());

        viewModel.signIn();
        assertNull(memory.remembered);

        server.answer("POST", "/api/auth/login", 200, CLERK_SIGNED_IN);
        viewModel.signIn();
        assertEquals(server.uri().toString(), memory.remembered);
    }

    @Test
    void busyWhileTheServerIsBeingAskedAndASecondClickSendsNothing() {
        server.answer("POST", "/api/auth/login", 200, CLERK_SIGNED_IN);
        List<Runnable> pending = new ArrayList<>();
        LoginViewModel viewModel = signingIn(server.uri().toString(), new TaskExecutor(pending::add, Runnable::run));

        viewModel.signIn();
        viewModel.signIn();

        assertTrue(viewModel.busyProperty().get());
        assertEquals(1, pending.size());
        pending.getFirst().run();
        assertFalse(viewModel.busyProperty().get());
        assertEquals(1, navigator.workspaces.size());
    }

    private LoginViewModel signingIn(String serverUrl, TaskExecutor tasks) {
        LoginViewModel viewModel = new LoginViewModel(serverUrl, uri -> new ServerApi(http, uri), tasks, navigator,
                memory);
        viewModel.emailProperty().set("clerk@marquee.test");
        viewModel.passwordProperty().set("marquee-demo");
        return viewModel;
    }

    private static final class RememberedServer implements ServerMemory {
        private String remembered;

        @Override
        public String lastUsed() {
            return remembered == null ? DEFAULT_SERVER : remembered;
        }

        @Override
        public void remember(String serverUrl) {
            remembered = serverUrl;
        }
    }
}
