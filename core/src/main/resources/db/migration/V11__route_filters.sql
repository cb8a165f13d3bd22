-- A route's filter on the payload (a JSON rule; NULL forwards every event of its types)
-- and how many events it has filtered out.
ALTER TABLE route
	ADD COLUMN filter jsonb,
	ADD COLUMN filtered_count bigint NOT NULL DEFAULT 0;
