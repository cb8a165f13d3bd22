-- The fetch lease counts each tenant's fetches in flight: from this index of the leased
-- assets alone, not from every pending one (a backlog of thousands made each lease read them all).
CREATE INDEX asset_leased ON asset (tenant_id, leased_until) WHERE status = 'pending' AND leased_by IS NOT NULL;
