package dev.marquee.client.session;

import dev.marquee.client.common.Navigator;
import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.Theme;
import dev.marquee.client.common.api.Session;
import dev.marquee.model.auth.Role;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;

/** The frame around a signed-in user's work: who is signed in, and signing out. */
public final class WorkspaceViewModel {

    private final ReadOnlyStringWrapper userName = new ReadOnlyStringWrapper(this, "userName", "");
    private final ReadOnlyStringWrapper roleName = new ReadOnlyStringWrapper(this, "roleName", "");
    private final ReadOnlyStringWrapper serverName = new ReadOnlyStringWrapper(this, "serverName", "");

    private final ReadOnlyBooleanWrapper offline = new ReadOnlyBooleanWrapper(this, "offline");

    private final Session session;
    private final TaskExecutor tasks;
    private final Navigator navigator;
    private final Theme theme;

    /** @param serverUnreachable true while the live connection to the server is down */
    public WorkspaceViewModel(Session session, TaskExecutor tasks, Navigator navigator,
                              ObservableBooleanValue serverUnreachable, Theme theme) {
        this.session = session;
        this.theme = theme;
        this.tasks = tasks;
        this.navigator = navigator;
        userName.set(session.user().displayName());
        roleName.set(describe(session.user().role()));
        serverName.set(session.api().server().getAuthority());
        offline.bind(serverUnreachable);
    }

    // Properties

    public ReadOnlyStringProperty userNameProperty() {
        return userName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty roleNameProperty() {
        return roleName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serverNameProperty() {
        return serverName.getReadOnlyProperty();
    }

    /** True while the server cannot be reached; the screens say so and reconnect by themselves. */
    public ReadOnlyBooleanProperty offlineProperty() {
        return offline.getReadOnlyProperty();
    }

    /** True while the dark look is on. */
    public ReadOnlyBooleanProperty darkThemeProperty() {
        return theme.darkProperty();
    }

    // Commands

    public void toggleTheme() {
        theme.toggle();
    }

    public void signOut() {
        String server = session.api().server().toString();
        // The way back to the sign-in screen must not depend on the server: if it cannot be told, the token is
        // forgotten here anyway and simply expires there.
        tasks.run(() -> {
            session.api().logout();
            return null;
        }, done -> navigator.showLogin(server), failure -> navigator.showLogin(server));
    }

    private static String describe(Role role) {
        return switch (role) {
            case FAN -> "Fan";
            case CLERK -> "Box office";
            case ADMIN -> "Administrator";
        };
    }
}
