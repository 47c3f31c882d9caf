package dev.ztc.model;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * {@code Mon-Fri 07:00-19:00 Europe/Berlin}: the days and the half-open interval [start, end) of
 * local time in the named zone. An end before the start spans midnight (the start day owns it).
 */
public record Hours(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone, String text) {
    public Hours {
        days = Set.copyOf(days);
    }

    public boolean contains(ZonedDateTime instant) {
        ZonedDateTime local = instant.withZoneSameInstant(zone);
        LocalTime time = local.toLocalTime();
        if (!end.isBefore(start)) {
            return days.contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
        }
        // overnight window: the part after start belongs to today, the part before end to yesterday
        if (!time.isBefore(start)) {
            return days.contains(local.getDayOfWeek());
        }
        return time.isBefore(end) && days.contains(local.getDayOfWeek().minus(1));
    }

    @Override
    public String toString() {
        return text;
    }
}
