package org.openpeering.partner.provider;

/** Great-circle distance by the haversine formula (DOMAIN.md §1: Earth radius 6371.0088 km). */
public final class GreatCircle {

    public static final double EARTH_RADIUS_KM = 6371.0088;
    public static final double KM_PER_STATUTE_MILE = 1.609344;
    /** Availability radius; inclusive. */
    public static final double AVAILABILITY_MILES = 1000.0;

    private GreatCircle() {
    }

    public static double miles(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        double km = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
        return km / KM_PER_STATUTE_MILE;
    }
}
