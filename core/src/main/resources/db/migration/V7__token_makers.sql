-- A token minted by another token remembers it: the child never outlives its parent (its
-- expiry is capped at the parent's, and it is refused once the parent is revoked or expired).
-- created_by is now always the member behind the token (the person who minted it, or the
-- member behind the parent token); a token whose member is gone is refused.
ALTER TABLE api_token ADD COLUMN parent_id uuid;
