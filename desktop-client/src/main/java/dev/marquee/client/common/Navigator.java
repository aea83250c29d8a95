package dev.marquee.client.common;

import dev.marquee.client.common.api.Session;

/** Switches between the client's screens; view models ask for a screen and never build one. */
public interface Navigator {

    void showLogin(String serverUrl);

    /** Opens the workspace for the signed-in user's role. */
    void showWorkspace(Session session);
}
