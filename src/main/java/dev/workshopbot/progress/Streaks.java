package dev.workshopbot.progress;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Reading streaks, as pure date arithmetic. A streak counts the server's plan days (the local dates it posted a
 * reading on) whose reading a member marked in time: every section of the day marked by the end of the next plan
 * day, so yesterday's reading can still be caught up today. Dates the server did not post on (a day the plan
 * skips, a paused schedule, an outage) are not plan days, so they never break a streak. All dates are the server's
 * local dates as they were recorded, so a change of time zone moves no past day.
 */
public final class Streaks {

    /** One plan day: the local date it was posted on and the keys of what it asks to read. */
    public record PlanDate(LocalDate date, List<String> keys) {
        public PlanDate {
            keys = List.copyOf(keys);
        }
    }

    /** A member's streaks: {@code current} counts back from the latest plan day not still open. */
    public record Result(int current, int longest) {}

    /** Where one plan day stands for one member. */
    enum State {
        /** Every section marked by the day's deadline. */
        KEPT,
        /** Not yet read, and its deadline has not passed: it neither counts nor breaks. */
        OPEN,
        /** Its deadline passed unread. */
        MISSED
    }

    private Streaks() {}

    /**
     * The streaks of a member who marked {@code marks} (key → local date marked), over the server's plan days so far
     * (every day posted, in date order), as of the server's local date {@code today}.
     */
    public static Result of(List<PlanDate> days, Map<String, LocalDate> marks, LocalDate today) {
        int last = days.size() - 1;
        int longest = 0;
        int run = 0;
        for (int i = 0; i <= last; i++) {
            if (state(days, i, last, marks, today) == State.KEPT) {
                run++;
                longest = Math.max(longest, run);
            } else {
                run = 0;
            }
        }
        int current = 0;
        for (int i = last; i >= 0; i--) {
            State state = state(days, i, last, marks, today);
            if (state == State.KEPT) {
                current++;
            } else if (state == State.MISSED || current > 0) {
                break;
            }
        }
        return new Result(current, longest);
    }

    /**
     * Whether a reminder would save the streak today: the plan day before the latest one is still open, today is its
     * last day, and the day before it was kept (a member with no streak to lose is never reminded).
     */
    public static boolean breaksTonight(List<PlanDate> days, Map<String, LocalDate> marks, LocalDate today) {
        int last = days.size() - 1;
        if (last < 2) {
            return false;
        }
        boolean atRisk = state(days, last - 1, last, marks, today) == State.OPEN
                && deadline(days, last - 1, last).equals(today);
        return atRisk && state(days, last - 2, last, marks, today) == State.KEPT;
    }

    static State state(List<PlanDate> days, int i, int last, Map<String, LocalDate> marks, LocalDate today) {
        LocalDate deadline = deadline(days, i, last);
        boolean kept = !days.get(i).keys().isEmpty();
        for (String key : days.get(i).keys()) {
            LocalDate marked = marks.get(key);
            if (marked == null || (deadline != null && marked.isAfter(deadline))) {
                kept = false;
                break;
            }
        }
        if (kept) {
            return State.KEPT;
        }
        return deadline == null || !today.isAfter(deadline) ? State.OPEN : State.MISSED;
    }

    /** The last local date a plan day's reading counts on: the next plan day's date, none for the latest day. */
    private static LocalDate deadline(List<PlanDate> days, int i, int last) {
        return i < last ? days.get(i + 1).date() : null;
    }
}
