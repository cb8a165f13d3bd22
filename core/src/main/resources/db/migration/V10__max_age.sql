-- A destination's max age: a delivery not delivered within it, counted from the start of its
-- attempt series, goes dead with the reason max-age-exceeded. Three days by default (the default
-- retry schedule spans about a day), from one minute to 30 days.
ALTER TABLE destination ADD COLUMN max_age_seconds integer NOT NULL DEFAULT 259200
	CHECK (max_age_seconds BETWEEN 60 AND 2592000);
-- When the delivery's current attempt series started: NULL for its first series (which started
-- at created_at); a replay sets it, so a replayed delivery gets a max age of its own.
ALTER TABLE delivery ADD COLUMN series_started_at timestamptz;
