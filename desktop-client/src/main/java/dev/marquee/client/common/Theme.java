package dev.marquee.client.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The window's look, light or dark: one AtlantaFX user-agent stylesheet for the whole application, chosen here
 * and remembered for the next start. The screens' own style sheets use only AtlantaFX's looked-up colours, so
 * they follow without a line of their own.
 */
public final class Theme {

    /** Where the choice is kept between starts. */
    public interface Memory {
        boolean dark();

        void rememberDark(boolean dark);

        /** Per user, in the platform's preference store, beside the remembered server. */
        static Memory userPreferences() {
            Preferences node = Preferences.userRoot().node("dev/marquee/client");
            return new Memory() {
                @Override
                public boolean dark() {
                    return node.getBoolean("dark-theme", false);
                }

                @Override
                public void rememberDark(boolean dark) {
                    node.putBoolean("dark-theme", dark);
                }
            };
        }

        /** Nothing kept: tests and tools start light every time. */
        static Memory none() {
            return new Memory() {
                @Override
                public boolean dark() {
                    return false;
                }

                @Override
                public void rememberDark(boolean dark) {
                }
            };
        }
    }

    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper(this, "dark");
    private final Memory memory;
    private final Consumer<String> userAgentStylesheet;

    /** @param userAgentStylesheet puts a stylesheet on the whole application (a recorder in tests) */
    public Theme(Memory memory, Consumer<String> userAgentStylesheet) {
        this.memory = memory;
        this.userAgentStylesheet = userAgentStylesheet;
        dark.set(memory.dark());
    }

    public static Theme forApplication(Memory memory) {
        return new Theme(memory, Application::setUserAgentStylesheet);
    }

    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    /** Puts the remembered look on the application; call on the FX thread before the first window shows. */
    public void apply() {
        userAgentStylesheet.accept(dark.get()
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Light to dark or back, at once for every window, and remembered. */
    public void toggle() {
        dark.set(!dark.get());
        memory.rememberDark(dark.get());
        apply();
    }
}
