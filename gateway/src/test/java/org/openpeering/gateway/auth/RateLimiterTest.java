package org.openpeering.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(0);
    private final RateLimiter limiter = new RateLimiter(3600, 60, now::get);

    @Test
    void writesRunOutAfterAnHoursAllowanceAndRefillWithTime() {
        for (int i = 59; i >= 0; i--) {
            RateLimiter.Decision d = limiter.take("s1", true);
            assertTrue(d.allowed());
            assertEquals(i, d.remaining());
        }
        RateLimiter.Decision denied = limiter.take("s1", true);
        assertFalse(denied.allowed());
        assertEquals(60, denied.retryAfterSeconds(), "one write per minute comes back");

        now.addAndGet(60_000_000_000L);
        assertTrue(limiter.take("s1", true).allowed());
        assertFalse(limiter.take("s1", true).allowed());
    }

    @Test
    void readsWritesAndSubscriptionsAreCountedApart() {
        for (int i = 0; i < 60; i++) {
            limiter.take("s2", true);
        }
        assertFalse(limiter.take("s2", true).allowed());
        assertTrue(limiter.take("s2", false).allowed());
        assertTrue(limiter.take("s3", true).allowed());
        assertEquals(3598, limiter.take("s2", false).remaining());
    }
}
