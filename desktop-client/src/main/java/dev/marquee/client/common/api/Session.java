package dev.marquee.client.common.api;

import dev.marquee.model.auth.UserView;

/** Who is signed in, and the server connection that carries their token. */
public record Session(ServerApi api, UserView user) {
}
