package org.holidaydesk.assistant.property;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * One property's blocked nights, from every source merged into sorted, non-overlapping ranges of epoch
 * days. Whether a stay is free is one binary search, which keeps a search over a thousand properties
 * well under a millisecond.
 */
final class Occupancy {

    static final Occupancy FREE = new Occupancy(new int[0], new int[0]);

    /** First blocked night of each range, ascending. */
    private final int[] starts;
    /** Check-out day (exclusive) of each range, ascending, and each before the next range's start. */
    private final int[] ends;

    private Occupancy(int[] starts, int[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    /** Merges ranges that overlap or touch, whatever their source. */
    static Occupancy of(Collection<BlockedRange> ranges) {
        if (ranges.isEmpty()) {
            return FREE;
        }
        long[] packed = new long[ranges.size()];
        int i = 0;
        for (BlockedRange range : ranges) {
            // start in the high half, end in the low half: sorting the longs sorts by start
            packed[i++] = ((long) (int) range.start().toEpochDay() << 32)
                    | ((int) range.end().toEpochDay() & 0xFFFFFFFFL);
        }
        Arrays.sort(packed);
        int[] starts = new int[packed.length];
        int[] ends = new int[packed.length];
        int count = 0;
        for (long p : packed) {
            int start = (int) (p >> 32);
            int end = (int) p;
            if (count > 0 && start <= ends[count - 1]) {
                ends[count - 1] = Math.max(ends[count - 1], end);
            } else {
                starts[count] = start;
                ends[count] = end;
                count++;
            }
        }
        return new Occupancy(Arrays.copyOf(starts, count), Arrays.copyOf(ends, count));
    }

    /** True when no night from {@code checkIn} up to (not including) {@code checkOut} is blocked. */
    boolean isFree(LocalDate checkIn, LocalDate checkOut) {
        return isFree((int) checkIn.toEpochDay(), (int) checkOut.toEpochDay());
    }

    boolean isFree(int checkIn, int checkOut) {
        int i = firstEndingAfter(checkIn);
        return i == ends.length || starts[i] >= checkOut;
    }

    /**
     * The shift closest to zero (later first on a tie) that makes the stay {@code [checkIn + shift,
     * checkIn + shift + nights)} free, with the new check-in between {@code firstStart} and {@code lastStart};
     * {@link #NO_SHIFT} when there is none. Walks only the gaps near the window, not every day.
     */
    int nearestFreeShift(int checkIn, int nights, int firstStart, int lastStart) {
        int best = NO_SHIFT;
        for (int i = firstEndingAfter(firstStart); firstStart <= lastStart; i++) {
            int gapStart = i == 0 ? Integer.MIN_VALUE : ends[i - 1];
            int gapEnd = i < starts.length ? starts[i] : Integer.MAX_VALUE;
            int from = Math.max(gapStart, firstStart);
            int to = (int) Math.min((long) gapEnd - nights, lastStart);
            if (from <= to) {
                int start = Math.max(from, Math.min(checkIn, to));
                int shift = start - checkIn;
                if (best == NO_SHIFT
                        || Math.abs(shift) < Math.abs(best)
                        || (Math.abs(shift) == Math.abs(best) && shift > best)) {
                    best = shift;
                }
                if (from >= checkIn) {
                    break;
                }
            }
            if (i >= starts.length) {
                break;
            }
            firstStart = Math.max(firstStart, ends[i]);
        }
        return best;
    }

    static final int NO_SHIFT = Integer.MIN_VALUE;

    /** Blocked ranges that touch the nights from {@code from} to {@code to} (exclusive), clipped to them. */
    List<DateRange> blockedWithin(LocalDate from, LocalDate to) {
        int lo = (int) from.toEpochDay();
        int hi = (int) to.toEpochDay();
        List<DateRange> blocked = new ArrayList<>();
        for (int i = firstEndingAfter(lo); i < starts.length && starts[i] < hi; i++) {
            blocked.add(new DateRange(
                    LocalDate.ofEpochDay(Math.max(starts[i], lo)), LocalDate.ofEpochDay(Math.min(ends[i], hi))));
        }
        return blocked;
    }

    /** The free ranges between {@code from} and {@code to} (exclusive): the gaps between blocked ones. */
    List<DateRange> freeWithin(LocalDate from, LocalDate to) {
        List<DateRange> free = new ArrayList<>();
        LocalDate cursor = from;
        for (DateRange blocked : blockedWithin(from, to)) {
            if (blocked.start().isAfter(cursor)) {
                free.add(new DateRange(cursor, blocked.start()));
            }
            cursor = blocked.end();
        }
        if (cursor.isBefore(to)) {
            free.add(new DateRange(cursor, to));
        }
        return free;
    }

    int rangeCount() {
        return starts.length;
    }

    private int firstEndingAfter(int day) {
        int lo = 0;
        int hi = ends.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] <= day) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
