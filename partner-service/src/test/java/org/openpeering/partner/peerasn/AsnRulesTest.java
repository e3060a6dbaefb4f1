package org.openpeering.partner.peerasn;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpeering.service.AsnRules;

class AsnRulesTest {

    private final AsnRules strict = new AsnRules(8075, List.of(8069L), false);
    private final AsnRules lab = new AsnRules(64496, List.of(8069L), true);

    @ParameterizedTest
    @ValueSource(longs = { 0, 23456, 64496, 64511, 65536, 65551, 64512, 65000, 65534, 65535, 65552, 100000, 131071,
            4200000000L, 4294967294L, 4294967295L, 4294967296L, -1, 8075, 8069 })
    void rejectsNonPublicAsns(long asn) {
        assertNotNull(strict.rejectionReason(asn), "AS" + asn + " must be refused");
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 13335, 23455, 23457, 64495, 131072, 396982, 4199999999L })
    void acceptsPublicAsns(long asn) {
        assertNull(strict.rejectionReason(asn), "AS" + asn + " is public");
    }

    @ParameterizedTest
    @ValueSource(longs = { 64500, 64501, 64510, 65536, 65540 })
    void acceptsDocumentationAsnsOnlyWhenAllowed(long asn) {
        assertNull(lab.rejectionReason(asn));
        assertNotNull(strict.rejectionReason(asn));
    }

    @ParameterizedTest
    @ValueSource(longs = { 64496, 8069 })
    void refusesTheOperatorAndReservedAsnsEvenInTheLab(long asn) {
        String reason = lab.rejectionReason(asn);
        assertNotNull(reason);
        assertTrue(reason.contains("operator"), reason);
    }
}
