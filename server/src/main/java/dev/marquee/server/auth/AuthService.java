package dev.marquee.server.auth;

import dev.marquee.model.auth.LoginRequest;
import dev.marquee.model.auth.LoginResponse;
import dev.marquee.model.auth.Role;
import dev.marquee.model.auth.SignupRequest;
import dev.marquee.model.auth.UserView;
import dev.marquee.model.error.ErrorCode;
import dev.marquee.server.Settings;
import dev.marquee.server.db.Row;
import dev.marquee.server.db.Statements;
import dev.marquee.server.error.ApiException;
import dev.marquee.server.error.Validate;
import dev.marquee.server.platform.BackgroundWork;
import dev.marquee.server.platform.RandomBytes;
import dev.marquee.server.platform.Sha256;
import io.helidon.dbclient.DbExecute;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** Sign-up, sign-in and sessions. Tokens are 256 random bits, stored only as their SHA-256. */
public final class AuthService {

    private static final String WRONG_CREDENTIALS = "The email or password is not correct.";

    private final Statements statements;
    private final Passwords passwords;
    private final SignInGuard guard;
    private final SignupLimit signupLimit;
    private final Duration sessionTtl;
    private final SessionCache sessions;
    private final SessionLookups lookups;

    public AuthService(Statements statements, int passwordCost, Settings.SignIn limits, Duration sessionTtl,
                       Duration sessionCacheTtl) {
        this.statements = statements;
        this.sessions = new SessionCache(sessionCacheTtl, System::nanoTime);
        this.lookups = new SessionLookups(statements);
        this.passwords = new Passwords(passwordCost, limits.passwordThreads(), limits.passwordQueue());
        this.guard = new SignInGuard(statements, limits);
        this.signupLimit = new SignupLimit(limits);
        this.sessionTtl = sessionTtl;
    }

    /** Signs up a fan from this client address. */
    public UserView signup(SignupRequest request, String address) {
        String email = Emails.normalized(request.email());
        String password = Validate.present("password", request.password());
        if (password.length() < 8 || password.length() > 256) {
            throw ApiException.validation("password", "The password must be 8 to 256 characters.");
        }
        String displayName = Validate.text("displayName", request.displayName(), 1, 100);
        statements.transaction(db -> {
            signupLimit.take(db, address);
            return null;
        });
        String hash = passwords.hash(password);
        return statements.transaction(db -> {
            long inserted = db.createNamedInsert("user-create").addParam("email", email).addParam("hash", hash)
                    .addParam("displayName", displayName).execute();
            if (inserted == 0) {
                throw new ApiException(ErrorCode.USER_EXISTS, "An account with this email already exists.");
            }
            return findStored(db, email).orElseThrow().caller().view();
        });
    }

    /** Signs in from this client address: a session, or 401 for a wrong email or password, or 429. */
    public LoginResponse login(LoginRequest request, String address) {
        String email = Emails.forSignIn(request.email());
        String password = Validate.present("password", request.password());
        SignInGuard.Attempt attempt = guard.reserve(email, address);
        Optional<StoredUser> user;
        boolean valid;
        try {
            user = statements.read(db -> findStored(db, email));
            valid = user.isPresent() ? passwords.matches(password, user.get().passwordHash())
                    : passwords.burnTime(password);
        } catch (RuntimeException unchecked) {
            guard.finish(attempt, SignInGuard.Outcome.UNCHECKED);
            throw unchecked;
        }
        if (!valid) {
            guard.finish(attempt, SignInGuard.Outcome.FAILED);
            throw ApiException.unauthorized(WRONG_CREDENTIALS);
        }
        String token = newToken();
        Caller caller = user.get().caller();
        Instant expiresAt = statements.transaction(db -> {
            guard.finish(db, attempt, SignInGuard.Outcome.SUCCEEDED);
            return db.createNamedGet("session-create").addParam("digest", digest(token))
                    .addParam("userId", caller.id()).addParam("seconds", (double) sessionTtl.toSeconds()).execute()
                    .map(Row::of).orElseThrow().instant("expires_at");
        });
        return new LoginResponse(token, expiresAt, caller.view());
    }

    public void logout(String token) {
        byte[] digest = digest(token);
        String key = HexFormat.of().formatHex(digest);
        sessions.forget(key);
        statements.transaction(db -> {
            db.createNamedDelete("session-end").addParam("digest", digest).execute();
            // Every instance forgets the token when this commits, not just this one.
            SessionNotices.announceEnded(db, key);
            return null;
        });
    }

    /** Forgets a session another instance ended (its token's digest, in hex). */
    public void sessionEnded(String tokenDigest) {
        sessions.forget(tokenDigest);
    }

    /** Trusts no cached session: sign-outs may have gone unheard. */
    public void forgetCachedSessions() {
        sessions.forgetAll();
    }

    /** The caller a bearer token belongs to, or 401. */
    public Caller authenticate(String token) {
        String digest = HexFormat.of().formatHex(digest(token));
        return sessions.caller(digest, () -> lookups.find(digest).orElseThrow(() -> ApiException.unauthorized(
                "Your session is not valid or has expired. Please sign in again.")));
    }

    /** The worker that looks sessions up in batches, stopped with the server. */
    public BackgroundWork sessionLookups() {
        return lookups;
    }

    /** The password hashing threads, stopped with the server. */
    public BackgroundWork passwordHashing() {
        return passwords;
    }

    private record StoredUser(Caller caller, String passwordHash) {
    }

    private static Optional<StoredUser> findStored(DbExecute db, String email) {
        return db.createNamedGet("user-by-email").addParam("email", email).execute().map(Row::of)
                .map(row -> new StoredUser(new Caller(row.uuid("id"), row.text("email"), row.text("display_name"),
                        Role.valueOf(row.text("role"))), row.text("password_hash")));
    }

    private String newToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(RandomBytes.next(32));
    }

    private static byte[] digest(String token) {
        return Sha256.of(token.getBytes(StandardCharsets.UTF_8));
    }
}
