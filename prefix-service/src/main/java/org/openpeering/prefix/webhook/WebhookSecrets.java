package org.openpeering.prefix.webhook;

import jakarta.enterprise.context.ApplicationScoped;

import org.openpeering.common.SecretBox;
import org.openpeering.prefix.PrefixConfig;

/**
 * Webhook secrets at rest: sealed with the key ring {@code SECRETS_KEY_RING}, each bound to its webhook (subscription
 * and name) so a sealed value cannot be moved to another webhook. One ring for the store, the dispatcher and rotation.
 */
@ApplicationScoped
public class WebhookSecrets {

    private final SecretBox box;

    public WebhookSecrets(PrefixConfig config) {
        this.box = SecretBox.fromKeyRing(config.secretKeys());
    }

    static String context(String subscriptionId, String nameKey) {
        return "webhook/" + subscriptionId + "/" + nameKey;
    }

    String seal(String secret, String subscriptionId, String nameKey) {
        return box.encrypt(secret, context(subscriptionId, nameKey));
    }

    String open(String sealed, String subscriptionId, String nameKey) {
        return box.decrypt(sealed, context(subscriptionId, nameKey));
    }

    /** The value sealed again with the current key, or null when it already is. */
    String reSealed(String sealed, String subscriptionId, String nameKey) {
        return box.needsRotation(sealed) ? seal(open(sealed, subscriptionId, nameKey), subscriptionId, nameKey) : null;
    }
}
