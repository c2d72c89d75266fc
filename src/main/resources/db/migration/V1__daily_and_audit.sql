-- Portable SQL: the same migration runs on SQLite and PostgreSQL. Instants are epoch milliseconds.

CREATE TABLE guild_settings (
    guild_id      BIGINT  NOT NULL PRIMARY KEY,
    channel_id    BIGINT  NOT NULL,
    post_time     TEXT    NOT NULL,
    timezone      TEXT    NOT NULL,
    paused        BOOLEAN NOT NULL,
    pause_reason  TEXT,
    plan_cursor   INTEGER NOT NULL,
    updated_at    BIGINT  NOT NULL
);

-- One row per guild per local date: written as an intent before sending, completed with the message id after.
CREATE TABLE daily_posts (
    guild_id    BIGINT  NOT NULL,
    local_date  TEXT    NOT NULL,
    plan_day    INTEGER NOT NULL,
    channel_id  BIGINT  NOT NULL,
    nonce       TEXT    NOT NULL,
    claimed_by  TEXT    NOT NULL,
    claimed_at  BIGINT  NOT NULL,
    message_id  BIGINT,
    thread_id   BIGINT,
    posted_at   BIGINT,
    PRIMARY KEY (guild_id, local_date)
);

CREATE TABLE audit_log (
    id        TEXT   NOT NULL PRIMARY KEY,
    at        BIGINT NOT NULL,
    guild_id  BIGINT NOT NULL,
    user_id   BIGINT NOT NULL,
    action    TEXT   NOT NULL,
    door      TEXT   NOT NULL,
    result    TEXT   NOT NULL,
    detail    TEXT   NOT NULL
);

CREATE INDEX audit_log_at ON audit_log (at);
