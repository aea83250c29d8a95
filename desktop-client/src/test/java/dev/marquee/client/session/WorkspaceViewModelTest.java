package dev.marquee.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.client.common.FakeServer;
import dev.marquee.client.common.Fixtures;
import dev.marquee.client.common.RecordingNavigator;
import dev.marquee.client.common.Tasks;
import dev.marquee.client.common.Theme;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.model.auth.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkspaceViewModelTest {

    private final HttpClient http = ServerApi.newHttpClient();
    private final FakeServer server = FakeServer.start();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final SimpleBooleanProperty serverUnreachable = new SimpleBooleanProperty(false);

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void showsTheSignedInUsersNameRoleAndServer() {
        WorkspaceViewModel workspace = workspaceFor(server.uri(), Role.ADMIN);

        assertEquals("Ada Admin", workspace.userNameProperty().get());
        assertEquals("Administrator", workspace.roleNameProperty().get());
        assertEquals(server.uri().getAuthority(), workspace.serverNameProperty().get());
    }

    @Test
    void offlineFollowsTheLiveConnection() {
        WorkspaceViewModel workspace = workspaceFor(server.uri(), Role.CLERK);

        serverUnreachable.set(true);
        assertTrue(workspace.offlineProperty().get());
        serverUnreachable.set(false);
        assertFalse(workspace.offlineProperty().get());
    }

    @Test
    void signOutEndsTheTokenOnTheServerAndReturnsToLogin() {
        server.answer("POST", "/api/auth/logout", 204, null);
        WorkspaceViewModel workspace = workspaceFor(server.uri(), Role.CLERK);

        workspace.signOut();

        FakeServer.Request logout = server.requests().getFirst();
        assertEquals("/api/auth/logout", logout.path());
        assertEquals("Bearer tok-1", logout.authorization());
        assertEquals(List.of(server.uri().toString()), navigator.loginScreens);
    }

    @Test
    void signOutReturnsToLoginEvenWhenTheServerIsGone() {
        URI nobodyHome = FakeServer.addressNobodyListensOn();
        WorkspaceViewModel workspace = workspaceFor(nobodyHome, Role.FAN);

        workspace.signOut();

        assertEquals(List.of(nobodyHome.toString()), navigator.loginScreens);
    }

    @Test
    void theThemeTogglesBetweenLightAndDarkAndIsRemembered() {
        List<String> stylesheets = new ArrayList<>();
        boolean[] remembered = {false};
        Theme.Memory memory = new Theme.Memory() {
            @Override
            public boolean dark() {
                return remembered[0];
            }

            @Override
            public void rememberDark(boolean dark) {
                remembered[0] = dark;
            }
        };
        WorkspaceViewModel workspace = new WorkspaceViewModel(Fixtures.session(http, server.uri(), Role.CLERK),
                Tasks.sameThread(), navigator, serverUnreachable, new Theme(memory, stylesheets::add));
        assertFalse(workspace.darkThemeProperty().get());

        workspace.toggleTheme();
        assertTrue(workspace.darkThemeProperty().get());
        assertTrue(remembered[0]);
        workspace.toggleTheme();

        assertFalse(workspace.darkThemeProperty().get());
        assertEquals(2, stylesheets.size());
        assertTrue(stylesheets.get(0).contains("dark"), stylesheets.get(0));
        assertTrue(stylesheets.get(1).contains("light"), stylesheets.get(1));
    }

    private WorkspaceViewModel workspaceFor(URI serverUri, Role role) {
        return new WorkspaceViewModel(Fixtures.session(http, serverUri, role), Tasks.sameThread(), navigator,
                serverUnreachable, new Theme(Theme.Memory.none(), stylesheet -> { }));
    }
}
