package dev.marquee.client.common;

import dev.marquee.client.common.api.Session;
import java.util.ArrayList;
import java.util.List;

/** Remembers where view models asked to go, in order. */
public final class RecordingNavigator implements Navigator {

    public final List<String> loginScreens = new ArrayList<>();
    public final List<Session> workspaces = new ArrayList<>();

    @Override
    public void showLogin(String serverUrl) {
        loginScreens.add(serverUrl);
    }

    @Override
    public void showWorkspace(Session session) {
        workspaces.add(session);
    }
}
