package org.openpeering.prefix.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpeering.common.DomainException;

class PrefixRulesTest {

    @ParameterizedTest
    @ValueSource(strings = { "203.0.113.0/24", "203.0.113.128/25", "198.51.100.0/24", "2001:db8:1::/48" })
    void documentationPrefixesAreAcceptedWhenAllowed(String text) {
        assertEquals(text, PrefixRules.publicPrefix(text, true, "properties.prefix").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = { "203.0.113.0/24", "2001:db8::/32" })
    void documentationPrefixesAreRefusedOtherwise(String text) {
        assertThrows(DomainException.class, () -> PrefixRules.publicPrefix(text, false, "properties.prefix"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "10.1.0.0/16", "172.16.0.0/12", "192.168.1.0/24", "100.64.0.0/10", "127.0.0.0/8",
        "169.254.1.0/24", "224.0.0.0/4", "240.0.0.0/8", "0.0.0.0/0", "0.0.0.0/8", "192.0.0.0/24", "198.18.0.0/15",
        "0.0.0.0/4", "192.0.0.0/16", "fc00::/7", "fe80::/64", "ff02::/16", "::1/128", "2002::/16", "2001::/32", "::/0", "4000::/3",
        "203.0.113.1/24", "203.0.113.0/33", "203.0.113.0", "203.0.113.0/", "not-a-prefix", "", "2001:db8::1/32" })
    void privateSpecialOrMalformedPrefixesAreRefusedWithTheDocumentedSentence(String text) {
        DomainException e = assertThrows(DomainException.class,
                () -> PrefixRules.publicPrefix(text, true, "properties.prefix"));
        assertEquals(PrefixRules.INVALID, e.getMessage());
        assertEquals("properties.prefix", e.target());
    }
}
