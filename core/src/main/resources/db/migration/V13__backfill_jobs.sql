-- A route's backfill (its source's past events, through its event types and filter) runs as a job.
ALTER TABLE job DROP CONSTRAINT job_kind_check;
ALTER TABLE job ADD CONSTRAINT job_kind_check CHECK (kind IN ('replay', 'destination-test', 'backfill'));
