-- Sign-in attempts per subject: 'email:<address>' (whether or not an account has it, so throttling tells nothing
-- about which accounts exist) and 'address:<client address>'. An attempt is counted as pending before its password
-- is checked, under the row's lock, so parallel guesses cannot all pass a check made before any of them failed.
CREATE TABLE sign_in_attempts (
    subject      text PRIMARY KEY,
    failures     int NOT NULL DEFAULT 0 CHECK (failures >= 0),
    pending      int NOT NULL DEFAULT 0 CHECK (pending >= 0),
    last_attempt timestamptz NOT NULL DEFAULT now(),
    last_failure timestamptz,
    -- The last time a correct-looking attempt from a clean address was let past this email's delay.
    bypassed_at  timestamptz
);
CREATE INDEX sign_in_attempts_age ON sign_in_attempts (last_attempt);

INSERT INTO sign_in_attempts (subject, failures, last_attempt, last_failure)
SELECT 'email:' || email, failures, last_failure, last_failure FROM login_failures;
DROP TABLE login_failures;

-- Sign-ups per client address, as a token bucket: tokens left and when they were last counted.
CREATE TABLE signup_buckets (
    address    text PRIMARY KEY,
    tokens     double precision NOT NULL,
    counted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX signup_buckets_age ON signup_buckets (counted_at);
