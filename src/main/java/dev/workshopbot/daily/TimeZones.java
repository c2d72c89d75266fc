package dev.workshopbot.daily;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Time-zone ids for what people type: a city ("Ber", "new york"), a whole id, or a common abbreviation ("EST"
 * gives America/New_York first). Case, spaces, underscores and hyphens are ignored; canonical Region/City zones
 * rank before legacy aliases (US/Eastern, ROK, EST5EDT), which stay reachable by their own names.
 */
public final class TimeZones {

    private static final Set<String> REGIONS = Set.of(
            "Africa",
            "America",
            "Antarctica",
            "Arctic",
            "Asia",
            "Atlantic",
            "Australia",
            "Europe",
            "Indian",
            "Pacific");

    /** Abbreviations people write for a zone; a fixed offset (the JDK's EST is -05:00 all year) is rarely meant. */
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("est", "America/New_York"),
            Map.entry("edt", "America/New_York"),
            Map.entry("cst", "America/Chicago"),
            Map.entry("cdt", "America/Chicago"),
            Map.entry("mst", "America/Denver"),
            Map.entry("mdt", "America/Denver"),
            Map.entry("pst", "America/Los_Angeles"),
            Map.entry("pdt", "America/Los_Angeles"),
            Map.entry("gmt", "Europe/London"),
            Map.entry("bst", "Europe/London"),
            Map.entry("cet", "Europe/Berlin"),
            Map.entry("cest", "Europe/Berlin"),
            Map.entry("ist", "Asia/Kolkata"),
            Map.entry("jst", "Asia/Tokyo"),
            Map.entry("aest", "Australia/Sydney"));

    private record Zone(String id, String key, String city, boolean legacy) {}

    private record Match(Zone zone, int tier) {}

    private final List<Zone> zones =
            ZoneId.getAvailableZoneIds().stream().sorted().map(TimeZones::zone).toList();

    /** At most {@code limit} zone ids for the typed text, best first; an empty text lists canonical zones. */
    public List<String> suggest(String typed, int limit) {
        String wanted = key(typed == null ? "" : typed);
        String abbreviated = ABBREVIATIONS.get(wanted);
        return zones.stream()
                .map(zone -> zone.id().equals(abbreviated) ? Optional.of(new Match(zone, 0)) : match(zone, wanted))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing((Match match) -> match.tier() > 0)
                        .thenComparing(match -> match.zone().legacy())
                        .thenComparingInt(Match::tier)
                        .thenComparingInt(match -> match.zone().city().length())
                        .thenComparing(match -> match.zone().id()))
                .limit(limit)
                .map(match -> match.zone().id())
                .toList();
    }

    private static Optional<Match> match(Zone zone, String wanted) {
        if (wanted.isEmpty()) {
            return zone.legacy() ? Optional.empty() : Optional.of(new Match(zone, 5));
        }
        int tier;
        if (zone.key().equals(wanted) || zone.city().equals(wanted)) {
            tier = 1;
        } else if (zone.city().startsWith(wanted)) {
            tier = 2;
        } else if (zone.key().startsWith(wanted)) {
            tier = 3;
        } else if (zone.city().contains(wanted)) {
            tier = 4;
        } else if (zone.key().contains(wanted)) {
            tier = 5;
        } else {
            return Optional.empty();
        }
        return Optional.of(new Match(zone, tier));
    }

    private static Zone zone(String id) {
        int slash = id.lastIndexOf('/');
        String city = id.substring(slash + 1);
        String region = slash < 0 ? "" : id.substring(0, id.indexOf('/'));
        // Australia/NSW and the like are aliases too: real city names are never all capitals.
        boolean legacy = !REGIONS.contains(region) || city.equals(city.toUpperCase(Locale.ROOT));
        return new Zone(id, key(id), key(city), legacy);
    }

    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    }
}
