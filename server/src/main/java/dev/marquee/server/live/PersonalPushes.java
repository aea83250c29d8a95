package dev.marquee.server.live;

import dev.marquee.model.error.ErrorCode;
import dev.marquee.model.live.OfferMessage;
import dev.marquee.server.error.ApiException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Pushes for one account alone (v1.2): a client that sends {@code {"type":"auth","token":...}} is known by its
 * account on this instance, and hears the offers made to that account's waiting-list entries, whichever instance made
 * them ({@code NOTIFY}, see {@link InventoryListener}).
 */
public final class PersonalPushes {

    /**
     * The account a token signs in. A token that signs nobody in is an {@code UNAUTHORIZED} {@link ApiException};
     * anything else it throws means the answer cannot be had right now (the database unreachable), not a no.
     */
    @FunctionalInterface
    public interface Tokens {
        Identity accountOf(String token);
    }

    /** Who a token signs in: the account, and whether it is box-office staff (CLERK or ADMIN). */
    public record Identity(UUID account, boolean staff) {
    }

    /** An entry's offer as it stands, if it still stands. */
    @FunctionalInterface
    public interface Offers {
        Optional<OfferMessage> offerOf(UUID entryId);
    }

    private final Tokens tokens;
    private final Offers offers;
    private final Map<UUID, Set<LiveSession>> byAccount = new ConcurrentHashMap<>();
    private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();

    public PersonalPushes(Tokens tokens, Offers offers) {
        this.tokens = tokens;
        this.offers = offers;
    }

    /**
     * Knows the session by the token's account from now on; false when the token signs nobody in. A look-up that
     * fails for another reason is thrown, the session left as it was: the token may well be good.
     */
    boolean identify(LiveSession session, String token) {
        if (token == null || token.isBlank()) {
            return false;
        }
        Identity identity;
        try {
            identity = tokens.accountOf(token);
        } catch (ApiException e) {
            if (e.code() == ErrorCode.UNAUTHORIZED) {
                return false;
            }
            throw e;
        }
        UUID account = identity.account();
        UUID before = session.account(account, identity.staff());
        if (before != null && !before.equals(account)) {
            forget(before, session);
        }
        byAccount.computeIfAbsent(account, any -> ConcurrentHashMap.newKeySet()).add(session);
        return true;
    }

    void disconnected(LiveSession session) {
        UUID account = session.account(null, false);
        if (account != null) {
            forget(account, session);
        }
    }

    /** An offer was made to the account's entry: its clients here hear it, read once from the database. */
    public void offerMade(UUID account, UUID entryId) {
        Set<LiveSession> sessions = byAccount.get(account);
        if (sessions == null || sessions.isEmpty()) {
            return;
        }
        readers.submit(() -> offers.offerOf(entryId).ifPresent(offer -> sessions.forEach(s -> s.tell(offer))));
    }

    private void forget(UUID account, LiveSession session) {
        byAccount.computeIfPresent(account, (id, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
    }
}
