-- What the group asks (issue 11), for organisers: no user id, no message as typed. A question is kept as its
-- searchable words (stemmed, stop words out, sorted), with when, how many hits, the best score and the feedback.
-- Rows older than insights.retention are purged.
CREATE TABLE asked (
    id        TEXT    NOT NULL PRIMARY KEY,
    at        BIGINT  NOT NULL,
    command   TEXT    NOT NULL,
    terms     TEXT    NOT NULL,
    hits      INTEGER NOT NULL,
    best      REAL,
    answered  BOOLEAN NOT NULL,
    helpful   BOOLEAN
);
CREATE INDEX asked_at ON asked (at);

-- Sections opened from a card, an answer or a search: which page and section, and when. Nothing about who.
CREATE TABLE opened (
    at       BIGINT NOT NULL,
    section  TEXT   NOT NULL
);
CREATE INDEX opened_at ON opened (at);
