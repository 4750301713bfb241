package org.holidaydesk.assistant.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OccupancyTest {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    private static BlockedRange blocked(int from, int to) {
        return new BlockedRange("p", DAY.plusDays(from), DAY.plusDays(to), BlockSource.MANUAL);
    }

    private static int day(int offset) {
        return (int) DAY.plusDays(offset).toEpochDay();
    }

    @Test
    void nearestFreeShiftSkipsGapsShorterThanTheStay() {
        // gaps: [..,10) [12,14) [15,30) [40,..)
        Occupancy occupancy = Occupancy.of(List.of(blocked(10, 12), blocked(14, 15), blocked(30, 40)));

        // a 3-night stay asked at day 11: gap [12,14) is too short; day 15 (+4) and day 7 (-4) are equally near, later
        // wins
        assertThat(occupancy.nearestFreeShift(day(11), 3, day(1), day(31))).isEqualTo(4);
        // a 2-night stay fits [12,14): shift +1
        assertThat(occupancy.nearestFreeShift(day(11), 2, day(1), day(31))).isEqualTo(1);
    }

    @Test
    void nearestFreeShiftRespectsTheWindow() {
        Occupancy occupancy = Occupancy.of(List.of(blocked(0, 50)));

        assertThat(occupancy.nearestFreeShift(day(20), 3, day(10), day(40))).isEqualTo(Occupancy.NO_SHIFT);
        assertThat(occupancy.nearestFreeShift(day(20), 3, day(10), day(50))).isEqualTo(30);
    }

    @Test
    void aPropertyWithoutBlocksIsFreeAtTheAskedDates() {
        assertThat(Occupancy.FREE.nearestFreeShift(day(5), 7, day(0), day(25))).isZero();
        assertThat(Occupancy.FREE.isFree(DAY, DAY.plusDays(30))).isTrue();
    }
}
