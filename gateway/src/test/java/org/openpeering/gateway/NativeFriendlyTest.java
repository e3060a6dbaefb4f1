package org.openpeering.gateway;

import org.junit.jupiter.api.Test;
import org.openpeering.testsupport.NativeFriendlyRules;

class NativeFriendlyTest {

    @Test
    void productionCodeUsesNoReflectiveLoadingProxiesOrBytecodeGeneration() {
        NativeFriendlyRules.check("org.openpeering.gateway");
    }
}
