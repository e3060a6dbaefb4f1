package org.openpeering.telemetry.protocol.bgp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathAttributesTest {

    private static PathAttributes path(AsPathSegment... segments) {
        return PathAttributes.of(0, List.of(segments), null);
    }

    @Test
    void writesPathTextLikeRouters() {
        assertEquals("64500 64510", path(AsPathSegment.sequence(64500, 64510)).asPathText());
        assertEquals("64500 {64511,64512}", path(AsPathSegment.sequence(64500), AsPathSegment.asSet(64511, 64512))
                .asPathText());
        assertEquals("(65001 65002) [65003,65004] 64500", path(new AsPathSegment(false, new long[] { 65001, 65002 },
                true), new AsPathSegment(true, new long[] { 65003, 65004 }, true), AsPathSegment.sequence(64500))
                .asPathText());
        assertEquals("", path().asPathText());
    }

    @Test
    void findsOriginAsOnlyAtTheEndOfASequence() {
        assertEquals(64510L, path(AsPathSegment.sequence(64500, 64510)).originAs());
        assertNull(path().originAs());
        assertNull(path(AsPathSegment.sequence(64500), AsPathSegment.asSet(64511)).originAs());
        assertNull(path(new AsPathSegment(false, new long[] { 65001 }, true)).originAs());
        assertEquals(4294967295L, path(AsPathSegment.asSet(1), AsPathSegment.sequence(4294967295L)).originAs());
    }

    @Test
    void countsPathLengthWithSetsAsOneAndConfederationsAsNone() {
        assertEquals(4, path(AsPathSegment.sequence(1, 2, 3), AsPathSegment.asSet(4, 5, 6)).asPathLength());
        assertEquals(1, path(new AsPathSegment(false, new long[] { 7, 8 }, true), AsPathSegment.sequence(9))
                .asPathLength());
        assertEquals(0, path().asPathLength());
    }

    @Test
    void comparesArraysByContentAndNormalisesNulls() {
        PathAttributes a = path(AsPathSegment.sequence(1)).withCommunities(5).withLargeCommunities(1, 2, 3);
        PathAttributes b = path(AsPathSegment.sequence(1)).withCommunities(5).withLargeCommunities(1, 2, 3);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, b.withCommunities(6));
        PathAttributes bare = new PathAttributes(-1, null, null, null, null, false, null, null, null, null, null, null);
        assertArrayEquals(new int[0], bare.communities());
        assertEquals(List.of(), bare.asPath());
        assertThrows(IllegalArgumentException.class, () -> a.withLargeCommunities(1, 2));
        assertThrows(IllegalArgumentException.class, () -> PathAttributes.community(65536, 1));
    }

    @Test
    void printsCommunitiesReadably() {
        assertEquals("64496:8007", PathAttributes.communityText(PathAttributes.community(64496, 8007)));
        assertEquals("65535:65281", PathAttributes.communityText(0xFFFFFF01));
    }
}
