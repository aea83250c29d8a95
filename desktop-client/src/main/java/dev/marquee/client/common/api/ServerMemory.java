package dev.marquee.client.common.api;

import java.util.prefs.Preferences;

/** Remembers the last server a sign-in succeeded against, so the next start needs no flag. */
public interface ServerMemory {

    String DEFAULT_SERVER = "http://localhost:8080";

    String lastUsed();

    void remember(String serverUrl);

    /** Per user, in the platform's preference store (registry, ~/.java, plist). */
    static ServerMemory userPreferences() {
        Preferences node = Preferences.userRoot().node("dev/marquee/client");
        String key = "server-url";
        return new ServerMemory() {
            @Override
            public String lastUsed() {
                return node.get(key, DEFAULT_SERVER);
            }

            @Override
            public void remember(String serverUrl) {
                node.put(key, serverUrl);
            }
        };
    }
}
