package com.novaquant.alert.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The daily moment the INFO digest goes out, in a given time zone. */
public record DigestSchedule(LocalTime timeOfDay, ZoneId zone) {

    /** The first digest moment strictly after {@code instant}. */
    public Instant nextAfter(Instant instant) {
        ZonedDateTime now = instant.atZone(zone);
        ZonedDateTime candidate = now.toLocalDate().atTime(timeOfDay).atZone(zone);
        if (!candidate.toInstant().isAfter(instant)) {
            candidate = now.toLocalDate().plusDays(1).atTime(timeOfDay).atZone(zone);
        }
        return candidate.toInstant();
    }
}
