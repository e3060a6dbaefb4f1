package org.openpeering.partner.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GreatCircleTest {

    @Test
    void distancesAgreeWithIndependentFigures() {
        // one degree of longitude on the equator: 2*pi*6371.0088/360 km
        assertEquals(2 * Math.PI * 6371.0088 / 360 / 1.609344, GreatCircle.miles(0, 0, 0, 1), 1e-9);
        // antipodes: half the circumference
        assertEquals(Math.PI * 6371.0088 / 1.609344, GreatCircle.miles(0, 0, 0, 180), 1e-6);
        // Amsterdam to Frankfurt is about 364 km (226 statute miles)
        assertEquals(226.0, GreatCircle.miles(52.3676, 4.9041, 50.1109, 8.6821), 2.0);
        assertEquals(0.0, GreatCircle.miles(47.6, -122.3, 47.6, -122.3), 1e-12);
    }

    @Test
    void theThousandMileRadiusIsInclusive() {
        // the longitude step on the equator that is exactly 1000 statute miles
        double degrees = 1000 * 1.609344 / 6371.0088 * 180 / Math.PI;
        assertEquals(1000.0, GreatCircle.miles(0, 0, 0, degrees), 1e-9);
        org.junit.jupiter.api.Assertions.assertTrue(GreatCircle.miles(0, 0, 0, degrees * 0.999999) <= GreatCircle.AVAILABILITY_MILES);
        org.junit.jupiter.api.Assertions.assertTrue(GreatCircle.miles(0, 0, 0, degrees * 1.00001) > GreatCircle.AVAILABILITY_MILES);
    }
}
