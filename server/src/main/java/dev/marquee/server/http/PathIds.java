package dev.marquee.server.http;

import dev.marquee.server.error.ApiException;
import io.helidon.webserver.http.ServerRequest;
import java.util.UUID;

/** Path parameters as ids; an id that cannot exist is simply not found. */
public final class PathIds {

    private PathIds() {
    }

    /** A catalog id (venue, event, show, tier): a positive integer. */
    public static long catalogId(ServerRequest request, String name) {
        String raw = request.path().pathParameters().get(name);
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the same answer as any other unknown id
        }
        throw ApiException.notFound("There is no " + noun(name) + " '" + raw + "'.");
    }

    /** A hold, order or ticket id: a UUID. */
    public static UUID uuid(ServerRequest request, String name) {
        String raw = request.path().pathParameters().get(name);
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("There is no " + noun(name) + " '" + raw + "'.");
        }
    }

    private static String noun(String parameter) {
        return parameter.endsWith("Id") ? parameter.substring(0, parameter.length() - 2) : parameter;
    }
}
