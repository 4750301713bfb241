package org.holidaydesk.assistant.funnel;

/** Names {@code booking.camel.yaml} and the beans it calls share. */
public final class FunnelRoute {

    /** Header holding the token of {@code GET /b/{token}} (the route's path parameter). */
    public static final String TOKEN = "token";

    /** Exchange property holding the booking page a tracked link redirects to. */
    public static final String BOOKING_PAGE = "bookingPage";

    /** The redirect's header. */
    public static final String LOCATION = "Location";

    /** The path tracked links start with on the public port. */
    public static final String PATH = "/b/";

    private FunnelRoute() {}
}
