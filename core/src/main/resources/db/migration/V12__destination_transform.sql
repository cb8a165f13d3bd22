-- A destination's transformation: a JSONata expression mapping the event to the body sent
-- (NULL sends the event as its payload format says).
ALTER TABLE destination ADD COLUMN transform text CHECK (length(transform) <= 10000);
