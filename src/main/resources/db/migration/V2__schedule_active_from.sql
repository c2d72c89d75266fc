-- The instant a schedule was set or resumed: post times before it are not due, so only a bot that was down
-- catches up, never a schedule that was just created after today's time. Existing schedules keep catching up.
ALTER TABLE guild_settings ADD COLUMN active_from BIGINT NOT NULL DEFAULT 0;
