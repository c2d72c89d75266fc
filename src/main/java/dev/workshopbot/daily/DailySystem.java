package dev.workshopbot.daily;

import dev.workshopbot.content.Library;
import dev.workshopbot.store.DailyStore;
import dev.workshopbot.store.GuildSettings;
import dev.workshopbot.store.PostRecord;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;

/** The {@code /daily} settings as plain values: set, pause, resume, skip, status and preview of one server. */
public final class DailySystem {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("H:mm");

    /** A value a moderator typed that cannot be used; the message names the option. */
    public static final class BadValue extends Exception {
        public BadValue(String message) {
            super(message);
        }
    }

    /** What {@code /daily status} shows. */
    public record Status(
            GuildSettings settings,
            boolean configured,
            Instant nextPost,
            int nextDay,
            int totalDays,
            boolean planFinished,
            Optional<PostRecord> lastPost) {}

    private final DailyStore store;
    private final Supplier<Library> content;
    private final Clock clock;
    private final LocalTime defaultTime;
    private final ZoneId defaultZone;
    private final DailyRoutine.Settings routine;

    public DailySystem(
            DailyStore store,
            Supplier<Library> content,
            Clock clock,
            LocalTime defaultTime,
            ZoneId defaultZone,
            DailyRoutine.Settings routine) {
        this.store = store;
        this.content = content;
        this.clock = clock;
        this.defaultTime = defaultTime;
        this.defaultZone = defaultZone;
        this.routine = routine;
    }

    /**
     * Sets where and when, refusing a channel {@code access} says the posts cannot go to; a missing time or zone
     * keeps the current one (or the configured default). The schedule starts at its next post time.
     */
    public GuildSettings set(long guildId, String channel, String time, String zone, ChannelAccess access)
            throws BadValue {
        GuildSettings current = settings(guildId);
        long channelId = channelId(channel);
        Optional<String> problem = access.problem(channelId);
        if (problem.isPresent()) {
            throw new BadValue("channel: " + problem.get());
        }
        LocalTime at = time == null ? current.time() : time(time);
        ZoneId in = zone == null ? current.zone() : zone(zone);
        store.schedule(guildId, channelId, at, in, clock.instant());
        return settings(guildId);
    }

    public GuildSettings pause(long guildId) throws BadValue {
        configured(guildId);
        store.pause(guildId, null, clock.instant());
        return settings(guildId);
    }

    /** Posts again from the next post time on; a day missed while paused is not caught up. */
    public GuildSettings resume(long guildId) throws BadValue {
        configured(guildId);
        store.resume(guildId, clock.instant());
        return settings(guildId);
    }

    /** Moves the plan one day ahead without posting. */
    public GuildSettings skip(long guildId) throws BadValue {
        GuildSettings current = configured(guildId);
        int days = content.get().plan().size();
        int next = current.cursor() + 1;
        int to = routine.loop() && days > 0 ? next % days : Math.min(next, days);
        if (!store.moveCursor(guildId, current.cursor(), to, clock.instant())) {
            throw new BadValue("The plan moved on while you asked (a post just went out); check /daily status "
                    + "and skip again if you still want to.");
        }
        return settings(guildId);
    }

    public Status status(long guildId) {
        Optional<GuildSettings> stored = store.settings(guildId);
        GuildSettings settings = stored.orElseGet(() -> defaults(guildId));
        int total = content.get().plan().size();
        boolean finished = settings.cursor() >= total && !routine.loop();
        Instant next = ScheduleMath.nextPost(
                settings.time(),
                settings.zone(),
                clock.instant(),
                date -> store.post(guildId, date).isPresent() || !DailyRoutine.isScheduled(settings, date),
                routine.catchUp());
        int nextIndex = total == 0 ? 0 : routine.loop() ? settings.cursor() % total : settings.cursor();
        return new Status(settings, stored.isPresent(), next, nextIndex + 1, total, finished, store.lastPost(guildId));
    }

    /** Where the server is in the plan and the {@code days} plan days after it, dated in the server's zone. */
    public PlanOutlook outlook(long guildId, int days) {
        Status status = status(guildId);
        LocalDate today = clock.instant().atZone(status.settings().zone()).toLocalDate();
        return PlanOutlook.of(status, routine.loop(), today, days);
    }

    /** The post the server will get next, as it will look. */
    public DailyPost preview(long guildId) {
        Status status = status(guildId);
        Library library = content.get();
        int index = Math.min(status.nextDay() - 1, Math.max(0, library.plan().size() - 1));
        LocalDate date = status.nextPost().atZone(status.settings().zone()).toLocalDate();
        return new DailyPost(
                guildId,
                status.settings().channelId(),
                date,
                index,
                library.plan().size(),
                library.plan().days().get(index),
                library,
                routine.thread());
    }

    private GuildSettings settings(long guildId) {
        return store.settings(guildId).orElseGet(() -> defaults(guildId));
    }

    private GuildSettings configured(long guildId) throws BadValue {
        return store.settings(guildId)
                .orElseThrow(() -> new BadValue(
                        "Daily posts are not set up here yet: start with /daily set channel:#channel time:09:00 "
                                + "timezone:Europe/Berlin"));
    }

    private GuildSettings defaults(long guildId) {
        return new GuildSettings(guildId, 0, defaultTime, defaultZone, false, null, 0);
    }

    static long channelId(String channel) throws BadValue {
        String digits = channel == null ? "" : channel.replaceAll("[<#>\\s]", "");
        if (!digits.matches("\\d{1,20}")) {
            throw new BadValue("channel: '" + channel + "' is not a channel; pick one from the list, e.g. #reading");
        }
        return Long.parseLong(digits);
    }

    static LocalTime time(String text) throws BadValue {
        try {
            return LocalTime.parse(text.strip(), HH_MM);
        } catch (DateTimeParseException e) {
            throw new BadValue("time: '" + text + "' is not a time of day; write HH:mm on a 24-hour clock, e.g. 09:00 "
                    + "or 18:30");
        }
    }

    static ZoneId zone(String text) throws BadValue {
        try {
            String id = text.strip();
            if (!ZoneId.getAvailableZoneIds().contains(id) && !id.equals("UTC")) {
                throw new DateTimeException(id);
            }
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new BadValue("timezone: '" + text + "' is not an IANA time zone; pick one from the suggestions, "
                    + "e.g. Europe/Berlin or America/New_York");
        }
    }
}
