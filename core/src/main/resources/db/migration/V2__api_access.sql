-- API access: the keys Switchboard signs its API tokens with, and sources awaiting their secret.

-- Installation-wide, not per tenant: one key pair signs every tenant's tokens (their 'tenant'
-- claim says whose they are). The private key is sealed under the master key; the public key
-- is published at /.well-known/jwks.json.
CREATE TABLE jwt_signing_key (
	kid          text        PRIMARY KEY,
	private_key  bytea       NOT NULL,
	public_jwk   text        NOT NULL,
	created_at   timestamptz NOT NULL DEFAULT now()
);

-- Minari generates the webhook secret itself, after the URL is saved: a Minari (or other
-- signed) source is created first, then given the provider's secret. Until then it refuses
-- every request (401 secret-not-configured). Only MiniVoice without a secret means unsigned.
ALTER TABLE source DROP CONSTRAINT source_check;
