-- Demo data, run by Flyway after every migrate when the server starts with demo data on.
--
-- Seeds once: the first server to get here takes a transaction-scoped advisory lock, finds no demo users and
-- writes everything in one transaction; any other server starting at the same instant waits on the lock, then
-- sees the committed users and leaves. Show dates are relative to the day the data is seeded.
--
-- Demo sign-ins (password marquee-demo for all): admin@marquee.test, clerk@marquee.test, fan@marquee.test.

DO $demo$
DECLARE
    -- bcrypt ($2a$, cost 10) of 'marquee-demo'.
    demo_password   CONSTANT text := '$2a$10$sWKN4o2YCERRS7rq/67OsOKrmxVMM9or.qWfji3Biotr3uXGzuInG';
    base32          CONSTANT text := 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    customers       CONSTANT text[] := ARRAY['Maya Okafor', 'Liam Brennan', 'Sofia Marquez', 'Noah Lindqvist',
        'Amara Chen', 'Jonas Weber', 'Priya Raman', 'Theo Dubois', 'Hana Sato', 'Oscar Nilsen', 'Zoe Adeyemi',
        'Ravi Kapoor'];
    -- Midnight UTC of the seeding day; show times are UTC wall-clock times whatever the session's time zone.
    today           CONSTANT timestamp := date_trunc('day', now() AT TIME ZONE 'UTC');
    clerk_id        uuid;
    hall_id         bigint;
    theatre_id      bigint;
    the_event       bigint;
    the_show        bigint;
    tier            record;
    the_order       uuid;
    quantity        int;
    remaining       int;
    order_no        int := 0;
BEGIN
    PERFORM pg_advisory_xact_lock(7305118220260001);
    IF EXISTS (SELECT 1 FROM users WHERE lower(email) IN
               ('admin@marquee.test', 'clerk@marquee.test', 'fan@marquee.test')) THEN
        RETURN;
    END IF;

    INSERT INTO users (email, password_hash, display_name, role) VALUES
        ('admin@marquee.test', demo_password, 'Ada Admin', 'ADMIN'),
        ('clerk@marquee.test', demo_password, 'Cal Clerk', 'CLERK'),
        ('fan@marquee.test', demo_password, 'Fay Fan', 'FAN');
    SELECT id INTO clerk_id FROM users WHERE email = 'clerk@marquee.test';

    -- Venues: a standing hall (GA shows need no seats) and a theatre of 280 seats, row 1 nearest the stage,
    -- labelled as the admin API labels the seats of the venues it creates.
    INSERT INTO venues (name, capacity) VALUES ('Riverside Hall', 1500) RETURNING id INTO hall_id;
    INSERT INTO venues (name, capacity) VALUES ('The Grand Theatre', 280) RETURNING id INTO theatre_id;
    INSERT INTO venue_seats (venue_id, section, row_no, seat_no, label)
    SELECT theatre_id, s.section, r, n, s.section || ' Row ' || r || ' Seat ' || n
    FROM (VALUES ('Orchestra', 10, 20), ('Balcony', 5, 16)) AS s(section, row_count, seats_per_row),
         generate_series(1, s.row_count) AS r,
         generate_series(1, s.seats_per_row) AS n
    ORDER BY s.section DESC, r, n;

    -- 1. A GA show on sale.
    INSERT INTO events (title, description)
    VALUES ('Aurora Skies: Northern Tour', 'Synth-pop under the lights: Aurora Skies bring the Northern Tour to the river.')
    RETURNING id INTO the_event;
    INSERT INTO shows (event_id, venue_id, starts_at, seating_mode, on_sale)
    VALUES (the_event, hall_id, (today + interval '3 days 20 hours') AT TIME ZONE 'UTC', 'GA', true)
    RETURNING id INTO the_show;
    INSERT INTO tiers (show_id, name, price_cents, capacity) VALUES
        (the_show, 'VIP', 10000, 50),
        (the_show, 'Front Row', 5000, 200),
        (the_show, 'General Admission', 1000, 1000);

    -- 2. A seated show on sale: every seat of the theatre in one of three tiers.
    INSERT INTO events (title, description)
    VALUES ('Vivaldi: The Four Seasons', 'The Riverside Chamber Orchestra plays the four violin concertos, by candlelight.')
    RETURNING id INTO the_event;
    INSERT INTO shows (event_id, venue_id, starts_at, seating_mode, on_sale)
    VALUES (the_event, theatre_id, (today + interval '10 days 19 hours 30 minutes') AT TIME ZONE 'UTC', 'SEATED', true)
    RETURNING id INTO the_show;
    INSERT INTO show_seats (show_id, seat_id) SELECT the_show, id FROM venue_seats WHERE venue_id = theatre_id;
    INSERT INTO tiers (show_id, name, price_cents, capacity) VALUES
        (the_show, 'Premium', 8500, 80),
        (the_show, 'Standard', 5500, 120),
        (the_show, 'Balcony', 3500, 80);
    UPDATE show_seats ss SET tier_id = t.id
    FROM venue_seats vs, tiers t
    WHERE ss.show_id = the_show AND vs.id = ss.seat_id AND t.show_id = ss.show_id
      AND t.name = CASE WHEN vs.section = 'Balcony' THEN 'Balcony'
                        WHEN vs.row_no <= 4 THEN 'Premium'
                        ELSE 'Standard' END;

    -- 3. A sold-out GA show: every ticket sold at the box office, by card, in orders of one to four.
    INSERT INTO events (title, description)
    VALUES ('The Velvet Echoes: Farewell Night', 'One last night for the band that started in the basement of Riverside Hall.')
    RETURNING id INTO the_event;
    INSERT INTO shows (event_id, venue_id, starts_at, seating_mode, on_sale)
    VALUES (the_event, hall_id, (today + interval '5 days 20 hours') AT TIME ZONE 'UTC', 'GA', true)
    RETURNING id INTO the_show;
    INSERT INTO tiers (show_id, name, price_cents, capacity) VALUES
        (the_show, 'Early Bird', 4000, 20),
        (the_show, 'General Admission', 6000, 30);
    FOR tier IN SELECT t.id, t.price_cents, t.capacity FROM tiers t WHERE t.show_id = the_show ORDER BY t.id LOOP
        remaining := tier.capacity;
        WHILE remaining > 0 LOOP
            order_no := order_no + 1;
            quantity := least(remaining, 1 + order_no % 4);
            the_order := gen_random_uuid();
            INSERT INTO orders (id, user_id, show_id, channel, status, customer_name, payment_method, total_cents,
                                card_last4, created_at)
            VALUES (the_order, clerk_id, the_show, 'BOX_OFFICE', 'PAID',
                    customers[1 + order_no % array_length(customers, 1)], 'CARD', quantity * tier.price_cents,
                    '4242', now() - make_interval(hours => 3 * order_no));
            FOR n IN 1..quantity LOOP
                -- 26 base32 characters from the strong random bits of two UUIDs, like the server's own codes.
                INSERT INTO tickets (order_id, show_id, tier_id, code, price_cents, status)
                SELECT the_order, the_show, tier.id,
                       string_agg(substr(base32, get_byte(r.bytes, i) % 32 + 1, 1), '' ORDER BY i),
                       tier.price_cents, 'VALID'
                FROM (SELECT decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex')
                             AS bytes) AS r,
                     generate_series(0, 25) AS i;
            END LOOP;
            INSERT INTO audit_log (at, actor, action, show_id, details)
            VALUES (now() - make_interval(hours => 3 * order_no), 'clerk@marquee.test', 'SALE', the_show,
                    jsonb_build_object('orderId', the_order, 'channel', 'BOX_OFFICE', 'paymentMethod', 'CARD',
                        'totalCents', quantity * tier.price_cents,
                        'tiers', jsonb_build_array(jsonb_build_object('tierId', tier.id, 'quantity', quantity,
                            'unitPriceCents', tier.price_cents)),
                        'seatIds', '[]'::jsonb));
            remaining := remaining - quantity;
        END LOOP;
        UPDATE tiers SET sold = capacity WHERE id = tier.id;
    END LOOP;

    -- 4. A seated show not on sale yet.
    INSERT INTO events (title, description)
    VALUES ('Winter Solstice Gala', 'An evening of carols, brass and mulled wine to see out the longest night.')
    RETURNING id INTO the_event;
    INSERT INTO shows (event_id, venue_id, starts_at, seating_mode, on_sale)
    VALUES (the_event, theatre_id, (today + interval '45 days 19 hours') AT TIME ZONE 'UTC', 'SEATED', false)
    RETURNING id INTO the_show;
    INSERT INTO show_seats (show_id, seat_id) SELECT the_show, id FROM venue_seats WHERE venue_id = theatre_id;
    INSERT INTO tiers (show_id, name, price_cents, capacity) VALUES
        (the_show, 'Orchestra', 6000, 200),
        (the_show, 'Balcony', 4000, 80);
    UPDATE show_seats ss SET tier_id = t.id
    FROM venue_seats vs, tiers t
    WHERE ss.show_id = the_show AND vs.id = ss.seat_id AND t.show_id = ss.show_id AND t.name = vs.section;

    -- 5. A GA show tonight, so the box office has a show to sell at the door: at 20:00, or late in the evening at least
    --    two hours ahead (past midnight if need be), so fans can still book it online through a whole session.
    INSERT INTO events (title, description)
    VALUES ('Late Night Jazz at the Riverside', 'The Blue Hour Quartet, two sets, standing room and a bar.')
    RETURNING id INTO the_event;
    INSERT INTO shows (event_id, venue_id, starts_at, seating_mode, on_sale)
    VALUES (the_event, hall_id,
            greatest(today + interval '20 hours', date_trunc('hour', now() AT TIME ZONE 'UTC') + interval '2 hours')
                AT TIME ZONE 'UTC',
            'GA', true)
    RETURNING id INTO the_show;
    INSERT INTO tiers (show_id, name, price_cents, capacity) VALUES
        (the_show, 'Bar Table', 4500, 40),
        (the_show, 'Standing', 2500, 300);

    -- 6. An on-sale rush to come: tickets go on sale five minutes after the data is seeded, through the waiting
    --    room (fans who join before then are drawn into a random order), at most four per account.
    INSERT INTO events (title, description)
    VALUES ('Neon Harbour: One Night Only', 'The reunion show everyone asked for: one night, one hall, no second date.')
    RETURNING id INTO the_event;
    INSERT INTO shows (event_id, venue_id, starts_at, seating_mode, on_sale, waiting_room, on_sale_at,
                       max_tickets_per_account)
    VALUES (the_event, hall_id, (today + interval '60 days 20 hours') AT TIME ZONE 'UTC', 'GA', false, 'ON',
            date_trunc('minute', now()) + interval '5 minutes', 4)
    RETURNING id INTO the_show;
    INSERT INTO tiers (show_id, name, price_cents, capacity) VALUES
        (the_show, 'Golden Circle', 12000, 100),
        (the_show, 'General Admission', 6500, 900);

    -- 7. Vouchers and a hidden tier on the first show: AURORA10 takes 10 % off any ticket (100 uses); the hidden
    --    Presale tier is held only with the PRESALE code, which unlocks it.
    SELECT s.id INTO the_show FROM shows s JOIN events e ON e.id = s.event_id
    WHERE e.title = 'Aurora Skies: Northern Tour';
    INSERT INTO tiers (show_id, name, price_cents, capacity, hidden) VALUES (the_show, 'Presale', 4000, 30, true);
    INSERT INTO vouchers (show_id, code, kind, value, tier_ids, max_uses) VALUES
        (the_show, 'AURORA10', 'PERCENT', 10, NULL, 100),
        (the_show, 'PRESALE', 'UNLOCK', NULL,
         ARRAY[(SELECT id FROM tiers WHERE show_id = the_show AND name = 'Presale')], 30);
    INSERT INTO voucher_uses (voucher_id, slot)
    SELECT v.id, generate_series(1, v.max_uses) FROM vouchers v WHERE v.show_id = the_show;

    -- 8. A waiting list on the sold-out show: three fans wait for its General Admission tickets, so a refund there
    --    goes to the first of them.
    SELECT s.id INTO the_show FROM shows s JOIN events e ON e.id = s.event_id
    WHERE e.title = 'The Velvet Echoes: Farewell Night';
    INSERT INTO users (email, password_hash, display_name, role) VALUES
        ('wren@marquee.test', demo_password, 'Wren Waters', 'FAN'),
        ('ike@marquee.test', demo_password, 'Ike Idris', 'FAN'),
        ('june@marquee.test', demo_password, 'June Jansen', 'FAN');
    INSERT INTO waitlist_entries (id, show_id, tier_id, user_id, quantity, state, joined_at)
    SELECT gen_random_uuid(), the_show, t.id, u.id, w.quantity, 'WAITING', now() - w.ago
    FROM (VALUES ('wren@marquee.test', 2, interval '3 hours'), ('ike@marquee.test', 1, interval '2 hours'),
                 ('june@marquee.test', 4, interval '1 hour')) AS w(email, quantity, ago)
    JOIN users u ON u.email = w.email
    JOIN tiers t ON t.show_id = the_show AND t.name = 'General Admission'
    ORDER BY w.ago DESC;
END
$demo$;
