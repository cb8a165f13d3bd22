-- A replay starts a new attempt series; its attempts are recorded as manual.
ALTER TABLE delivery ADD COLUMN series_trigger text NOT NULL DEFAULT 'scheduled'
	CHECK (series_trigger IN ('scheduled', 'manual'));
