package dev.marquee.client;

import java.util.List;
import java.util.Optional;

/** The command line: {@code --server URL} (or {@code --server=URL}) picks the server for this start. */
record LaunchOptions(Optional<String> server) {

    static LaunchOptions parse(List<String> args) {
        String server = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--server") && i + 1 < args.size()) {
                server = args.get(++i);
            } else if (arg.startsWith("--server=")) {
                server = arg.substring("--server=".length());
            }
        }
        return new LaunchOptions(Optional.ofNullable(server));
    }
}
