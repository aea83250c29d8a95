-- A ticket's tier must be a tier of the ticket's show: one composite key instead of a key to the show and another to
-- the tier. It says more (a ticket can no longer name a show and a tier of another show), and every ticket written
-- costs one foreign-key check fewer: the check is a query of its own for each row, and a sale writes its tickets in
-- the booking's transaction. The show is still checked, through the tier, whose show must exist.

ALTER TABLE tiers ADD CONSTRAINT tiers_id_show_key UNIQUE (id, show_id);

ALTER TABLE tickets
    DROP CONSTRAINT tickets_show_id_fkey,
    DROP CONSTRAINT tickets_tier_id_fkey,
    ADD CONSTRAINT tickets_tier_of_show_fkey FOREIGN KEY (tier_id, show_id) REFERENCES tiers (id, show_id);
