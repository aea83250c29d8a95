package dev.marquee.client.session;

import dev.marquee.client.common.Navigator;
import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.api.Failures;
import dev.marquee.client.common.api.ServerAddress;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.api.ServerMemory;
import dev.marquee.client.common.api.Session;
import dev.marquee.model.auth.LoginRequest;
import dev.marquee.model.auth.LoginResponse;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** State and commands of the sign-in screen. All methods are called on the FX thread. */
public final class LoginViewModel {

    private final StringProperty serverUrl = new SimpleStringProperty(this, "serverUrl", "");
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");

    private final Function<URI, ServerApi> connect;
    private final TaskExecutor tasks;
    private final Navigator navigator;
    private final ServerMemory serverMemory;

    public LoginViewModel(String serverUrl, Function<URI, ServerApi> connect, TaskExecutor tasks,
                          Navigator navigator, ServerMemory serverMemory) {
        this.serverUrl.set(serverUrl);
        this.connect = connect;
        this.tasks = tasks;
        this.navigator = navigator;
        this.serverMemory = serverMemory;
    }

    // Properties

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    // Commands

    public void signIn() {
        if (busy.get()) {
            return;
        }
        Optional<URI> server = ServerAddress.parse(serverUrl.get());
        String problem = problemWith(server);
        if (problem != null) {
            errorMessage.set(problem);
            return;
        }
        errorMessage.set("");
        busy.set(true);
        ServerApi api = connect.apply(server.get());
        LoginRequest request = new LoginRequest(email.get().strip(), password.get());
        tasks.run(() -> api.login(request), response -> signedIn(api, response), failure -> {
            busy.set(false);
            errorMessage.set(Failures.describe(failure));
        });
    }

    private void signedIn(ServerApi api, LoginResponse response) {
        busy.set(false);
        password.set("");
        // Remembered only now, so that a mistyped address never becomes next start's default.
        serverMemory.remember(api.server().toString());
        navigator.showWorkspace(new Session(api.withToken(response.token()), response.user()));
    }

    private String problemWith(Optional<URI> server) {
        if (server.isEmpty()) {
            return "Enter the server's address, for example " + ServerMemory.DEFAULT_SERVER + ".";
        }
        boolean noEmail = email.get() == null || email.get().isBlank();
        boolean noPassword = password.get() == null || password.get().isEmpty();
        if (noEmail && noPassword) {
            return "Enter your email and password.";
        }
        if (noEmail) {
            return "Enter your email.";
        }
        return noPassword ? "Enter your password." : null;
    }
}
