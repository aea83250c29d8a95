package dev.marquee.client.common.api;

import java.net.URI;

/** No answer at all: refused, unknown host, dropped connection or timeout. The message is meant for the user. */
public final class ServerUnreachableException extends RuntimeException {

    public ServerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }

    static ServerUnreachableException cannotReach(URI server, Throwable cause) {
        return new ServerUnreachableException("Cannot reach the server at " + server + ".", cause);
    }

    static ServerUnreachableException tooSlow(URI server, Throwable cause) {
        return new ServerUnreachableException("The server at " + server + " did not answer in time.", cause);
    }
}
