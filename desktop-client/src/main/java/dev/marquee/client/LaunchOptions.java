package dev.marquee.client;

import java.util.List;
import java.util.Optional;

/**
 * The command line: {@code --server URL} (or {@code --server=URL}) picks the server for this start;
 * {@code --smoke-test} opens the window, reports whether the sign-in screen shows and quits (see {@link SmokeTest}).
 */
record LaunchOptions(Optional<String> server, boolean smokeTest) {

    static LaunchOptions parse(List<String> args) {
        String server = null;
        boolean smokeTest = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--server") && i + 1 < args.size()) {
                server = args.get(++i);
            } else if (arg.startsWith("--server=")) {
                server = arg.substring("--server=".length());
            } else if (arg.equals("--smoke-test")) {
                smokeTest = true;
            }
        }
        return new LaunchOptions(Optional.ofNullable(server), smokeTest);
    }
}
