package dev.marquee.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Race;
import dev.marquee.server.testing.TestServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /api/auth/signup: every new account is a FAN; emails are unique whatever their case. */
class SignupTest {

    private static final String PASSWORD = "open-sesame-42";

    private static TestServer server;
    private static ApiClient anyone;

    @BeforeAll
    static void start() {
        // The limit on sign-ups per address has a test of its own; here every sign-up comes from one address.
        server = TestServer.start(TestServer.Tuning.DEFAULT.set("MARQUEE_SIGNUP_BURST", 10_000));
        anyone = server.anonymous();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void signupCreatesAFanWhoCanSignIn() {
        String email = unique("new");

        ApiResponse signup = signup(email, PASSWORD, "Nell Newcomer");

        assertEquals(201, signup.status(), signup::toString);
        assertEquals(email, signup.body().get("email").asText());
        assertEquals("Nell Newcomer", signup.body().get("displayName").asText());
        assertEquals("FAN", signup.body().get("role").asText());
        String id = signup.body().get("id").asText();
        assertEquals(id, UUID.fromString(id).toString(), "user ids are UUID strings");
        String hash = (String) server.query("SELECT password_hash FROM users WHERE id = ?::uuid", id)
                .getFirst().get("password_hash");
        assertTrue(hash.startsWith("$2"), "stored as a bcrypt hash, never as given");
        assertFalse(hash.contains(PASSWORD));

        ApiResponse login = anyone.post("/api/auth/login", Map.of("email", email, "password", PASSWORD));
        assertEquals(200, login.status(), login::toString);
        assertEquals(id, login.body().at("/user/id").asText());
    }

    @Test
    void signupAsksForARoleInVainEveryAccountIsAFan() {
        Map<String, Object> body = new HashMap<>(Map.of("email", unique("sneaky"), "password", PASSWORD,
                "displayName", "Sneaky"));
        body.put("role", "ADMIN");

        ApiResponse signup = anyone.post("/api/auth/signup", body);

        assertEquals(201, signup.status(), signup::toString);
        assertEquals("FAN", signup.body().get("role").asText());
        assertEquals(0, server.number("SELECT count(*) FROM users WHERE role <> 'FAN'"));
    }

    @Test
    void anEmailAlreadyRegisteredInAnyCaseIsUserExists() {
        String local = "mia-" + UUID.randomUUID();
        assertEquals(201, signup(local + "@example.test", PASSWORD, "Mia").status());

        for (String again : new String[] {local + "@example.test", local.toUpperCase() + "@EXAMPLE.test"}) {
            ApiResponse duplicate = signup(again, "another-password", "Impostor");
            assertEquals(409, duplicate.status(), duplicate::toString);
            assertEquals("USER_EXISTS", duplicate.error());
            assertFalse(duplicate.body().get("message").asText().isBlank());
        }
        assertEquals(1, server.number("SELECT count(*) FROM users WHERE lower(email) = lower(?)", local + "@example.test"));
        assertEquals("Mia", server.query("SELECT display_name FROM users WHERE lower(email) = lower(?)",
                local + "@example.test").getFirst().get("display_name"), "the first account is untouched");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u3164"})
    void anInvisibleCharacterDoesNotMakeASecondAccount(String invisible) {
        String local = "twin-" + UUID.randomUUID();
        assertEquals(201, signup(local + "@example.test", PASSWORD, "Twin").status());
        long users = users();

        for (String twin : new String[] {local + invisible + "@example.test", invisible + local + "@example.test",
                local + "@example.test" + invisible}) {
            ApiResponse signup = signup(twin, PASSWORD, "Impostor");
            assertEquals(400, signup.status(), signup::toString);
            assertEquals("VALIDATION_FAILED", signup.error());
            assertEquals("email", signup.body().at("/details/field").asText());
        }
        assertEquals(users, users());
    }

    @Test
    void aFullWidthOrCompatibilitySpellingIsTheSameAccount() {
        String local = "wide" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[^a-f]", "a");
        assertEquals(201, signup(local + "@example.test", PASSWORD, "Plain").status());
        StringBuilder wide = new StringBuilder();
        local.chars().forEach(c -> wide.appendCodePoint(c - 'a' + '\uFF41'));

        ApiResponse twin = signup(wide + "@example.test", PASSWORD, "Wide");

        assertEquals(409, twin.status(), twin::toString);
        assertEquals("USER_EXISTS", twin.error());
        ApiResponse login = anyone.post("/api/auth/login", Map.of("email", wide.toString().toUpperCase()
                + "@EXAMPLE.TEST", "password", PASSWORD));
        assertEquals(200, login.status(), "signing in folds the same way: " + login);
    }

    @Test
    void aLoneSurrogateInANameIsRefusedRatherThanStoredAsAQuestionMark() {
        long users = users();

        ApiResponse signup = anyone.post("/api/auth/signup", "{\"email\": \"" + unique("surrogate")
                + "\", \"password\": \"" + PASSWORD + "\", \"displayName\": \"Half \\uD83D name\"}");

        assertEquals(400, signup.status(), signup::toString);
        assertEquals("displayName", signup.body().at("/details/field").asText());
        assertEquals(users, users());
        assertEquals(201, signup(unique("pair"), PASSWORD, "Whole \uD83C\uDFB5 name").status(),
                "a surrogate pair (a real character) is fine");
    }

    @Test
    void twentySimultaneousSignupsForOneEmailMakeExactlyOneAccount() {
        String local = "racer-" + UUID.randomUUID();

        List<ApiResponse> answers = Race.run(20, i -> signup(
                (i % 2 == 0 ? local : local.toUpperCase()) + "@example.test", PASSWORD, "Racer " + i));

        assertEquals(1, answers.stream().filter(answer -> answer.status() == 201).count(), Race.statuses(answers));
        assertEquals(19, answers.stream().filter(answer -> "USER_EXISTS".equals(answer.error())).count(),
                Race.statuses(answers));
        assertEquals(1, server.number("SELECT count(*) FROM users WHERE lower(email) = ?", local + "@example.test"));
    }

    @Test
    void aPasswordShorterThanEightCharactersIsRefused() {
        long users = users();

        ApiResponse signup = signup(unique("short"), "1234567", "Shorty");

        assertEquals(400, signup.status(), signup::toString);
        assertEquals("VALIDATION_FAILED", signup.error());
        assertEquals("password", signup.body().at("/details/field").asText());
        assertEquals(users, users());
        assertEquals(201, signup(unique("eight"), "12345678", "Eight").status(), "eight characters are enough");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plainaddress", "@example.test", "someone@", "two@at@example.test",
            "with space@example.test", "tab\t@example.test", "line\nbreak@example.test", "nul\u0000@example.test"})
    void aMalformedEmailIsRefused(String email) {
        long users = users();

        ApiResponse signup = signup(email, PASSWORD, "Malformed");

        assertEquals(400, signup.status(), signup::toString);
        assertEquals("VALIDATION_FAILED", signup.error());
        assertEquals(users, users());
    }

    @Test
    void missingFieldsAreRefusedByName() {
        for (String missing : new String[] {"email", "password", "displayName"}) {
            Map<String, Object> body = new HashMap<>(Map.of("email", unique("missing"), "password", PASSWORD,
                    "displayName", "Missing"));
            body.remove(missing);
            long users = users();

            ApiResponse signup = anyone.post("/api/auth/signup", body);

            assertEquals(400, signup.status(), missing + ": " + signup);
            assertEquals("VALIDATION_FAILED", signup.error());
            assertTrue(signup.body().get("message").asText().contains(missing), signup::toString);
            assertEquals(users, users());
        }
    }

    @Test
    void aDisplayNameOfOnlySpacesOrTooLongIsRefused() {
        for (String name : new String[] {"   ", "x".repeat(101), "nul\u0000byte"}) {
            ApiResponse signup = signup(unique("name"), PASSWORD, name);
            assertEquals(400, signup.status(), signup::toString);
            assertEquals("displayName", signup.body().at("/details/field").asText());
        }
    }

    @Test
    void aLongPassphraseIsAcceptedAndChecked() {
        String email = unique("passphrase");
        String passphrase = "correct horse battery staple ".repeat(6);
        assertEquals(201, signup(email, passphrase, "Phrase").status());

        assertEquals(200, anyone.post("/api/auth/login", Map.of("email", email, "password", passphrase)).status());
        ApiResponse almost = anyone.post("/api/auth/login",
                Map.of("email", email, "password", passphrase.substring(0, passphrase.length() - 1) + "!"));
        assertEquals(401, almost.status(), "a change past the 72nd byte still counts: " + almost);
    }

    private static ApiResponse signup(String email, String password, String displayName) {
        return anyone.post("/api/auth/signup", Map.of("email", email, "password", password, "displayName", displayName));
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID() + "@example.test";
    }

    private static long users() {
        return server.number("SELECT count(*) FROM users");
    }
}
