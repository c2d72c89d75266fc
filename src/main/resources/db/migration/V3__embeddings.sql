-- Vectors of embedded passages, so that a restart or a reload embeds only what changed (issue 11). A passage is
-- keyed by the SHA-256 of its text (first 16 bytes, hex) under the model that embedded it. No member data here.
CREATE TABLE embeddings (
    model       TEXT    NOT NULL,
    hash        TEXT    NOT NULL,
    dimensions  INTEGER NOT NULL,
    vector      BYTEA   NOT NULL,
    created_at  BIGINT  NOT NULL,
    PRIMARY KEY (model, hash)
);
