-- Reading progress (issue 12). Only ids, section keys and dates: no names, no message text.
-- One row per member per section read, on the server's local date at the click; a second click changes nothing.
CREATE TABLE progress_reads (
    guild_id     BIGINT NOT NULL,
    user_id      BIGINT NOT NULL,
    section_key  TEXT   NOT NULL,
    local_date   TEXT   NOT NULL,
    read_at      BIGINT NOT NULL,
    PRIMARY KEY (guild_id, user_id, section_key)
);
CREATE INDEX progress_reads_date ON progress_reads (guild_id, local_date);
-- Who read a given day's sections and when, for /group-progress, from the index alone. The section leads, so no
-- query of one member's reads (guild and user known, section not) can prefer it to the primary key.
CREATE INDEX progress_reads_section ON progress_reads (section_key, guild_id, user_id, local_date);

-- A member's choices in one server: whether others may see their progress, reminders on or off, and when a
-- reminder last went out or found the member's direct messages closed.
CREATE TABLE progress_members (
    guild_id       BIGINT  NOT NULL,
    user_id        BIGINT  NOT NULL,
    public_progress BOOLEAN NOT NULL,
    remind         BOOLEAN NOT NULL,
    reminded_on    TEXT,
    dms_closed_at  BIGINT,
    PRIMARY KEY (guild_id, user_id)
);

-- Notes sent about the plan running out, one per server, plan length and kind, so a restart never repeats one.
CREATE TABLE plan_notices (
    guild_id    BIGINT  NOT NULL,
    plan_days   INTEGER NOT NULL,
    kind        TEXT    NOT NULL,
    sent_at     BIGINT  NOT NULL,
    PRIMARY KEY (guild_id, plan_days, kind)
);
