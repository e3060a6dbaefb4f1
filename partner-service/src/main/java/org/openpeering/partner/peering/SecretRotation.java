package org.openpeering.partner.peering;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.openpeering.common.SecretBox;
import org.openpeering.partner.PartnerConfig;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Key rotation: at start, every MD5 key sealed with an older key of the ring is re-sealed with the current one, so
 * that the old key can leave the ring after one start with the new ring. Counts are logged, never keys.
 */
@ApplicationScoped
public class SecretRotation {

    private static final Logger LOG = Logger.getLogger(SecretRotation.class);

    private final Pool pool;
    private final SecretBox secrets;

    public SecretRotation(Pool pool, PartnerConfig config) {
        this.pool = pool;
        this.secrets = SecretBox.fromKeyRing(config.secretKeys());
    }

    void onStart(@Observes StartupEvent event) {
        pool.query("select connection_identifier, md5_key_encrypted from peering_connection"
                + " where md5_key_encrypted is not null").execute()
                .chain(rows -> {
                    List<Tuple> updates = new ArrayList<>();
                    rows.forEach(r -> {
                        String id = r.getString("connection_identifier");
                        String sealed = r.getString("md5_key_encrypted");
                        if (secrets.needsRotation(sealed)) {
                            String context = PeeringService.md5Context(id);
                            updates.add(Tuple.of(id, sealed, secrets.encrypt(secrets.decrypt(sealed, context), context)));
                        }
                    });
                    if (updates.isEmpty()) {
                        return io.smallrye.mutiny.Uni.createFrom().item(0);
                    }
                    // only where the value is still the one read: a concurrent write wins
                    return pool.preparedQuery("update peering_connection set md5_key_encrypted = $3"
                            + " where connection_identifier = $1 and md5_key_encrypted = $2")
                            .executeBatch(updates).replaceWith(updates.size());
                })
                .subscribe().with(n -> {
                    if (n > 0) {
                        LOG.infof("Re-sealed %d MD5 keys with the current key of the ring", n);
                    }
                }, e -> LOG.errorf("Re-sealing MD5 keys failed (the old keys must stay in the ring): %s",
                        e.getClass().getSimpleName()));
    }
}
