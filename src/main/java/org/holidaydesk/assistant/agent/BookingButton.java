package org.holidaydesk.assistant.agent;

import java.time.LocalDate;

/**
 * The booking page an answer leads to, sent as a button labelled with what it books.
 *
 * @param property the property: its catalog id, its booking system's id or its name
 * @param url      the booking page, as {@code create_booking_link} made it from {@code BOOKING_URL_TEMPLATE}
 * @param checkIn  the arrival day, or null when the page does not say
 * @param checkOut the departure day, or null when the page does not say
 */
public record BookingButton(String property, String url, LocalDate checkIn, LocalDate checkOut) {}
