package dev.marquee.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which client a request comes from, for the limits kept per address. It is the connection's peer, unless that
 * peer is one of the operator's trusted reverse proxies: then it is the address the proxy appended last to
 * {@code X-Forwarded-For} (anything earlier in that header is the client's own word and proves nothing).
 */
public final class ClientAddresses {

    private final Set<String> trustedProxies;

    public ClientAddresses(String trustedProxies) {
        this.trustedProxies = Arrays.stream(trustedProxies.split(","))
                .map(String::strip).filter(proxy -> !proxy.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public String of(ServerRequest request) {
        String peer = peer(request.remotePeer().address());
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> forwarded = request.headers().values(HeaderNames.X_FORWARDED_FOR).stream()
                .flatMap(value -> Arrays.stream(value.split(","))).map(String::strip)
                .filter(hop -> !hop.isEmpty()).toList();
        return forwarded.isEmpty() ? peer : forwarded.getLast();
    }

    private static String peer(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress()
                : String.valueOf(address);
    }
}
