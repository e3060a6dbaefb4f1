package org.openpeering.telemetry.protocol.bgp;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the two OPENs negotiated, for the messages flowing in one direction: the decoder reads received UPDATEs
 * with it, the encoder writes UPDATEs for a receiver that decodes with the same values.
 *
 * @param fourOctetAs      both sides advertised RFC 6793: AS_PATH carries 4-octet ASNs; otherwise 2-octet with
 *                         AS_TRANS and AS4_PATH / AS4_AGGREGATOR
 * @param addPathReceive   families whose NLRI carry RFC 7911 path identifiers in this direction
 * @param extendedMessages both sides advertised RFC 8654: messages up to 65535 octets
 */
public record BgpSessionContext(boolean fourOctetAs, Set<AfiSafi> addPathReceive, boolean extendedMessages) {

    /** 4-octet AS, no ADD-PATH, 4096-octet messages. */
    public static final BgpSessionContext DEFAULT = new BgpSessionContext(true, Set.of(), false);

    public BgpSessionContext {
        addPathReceive = Wire.enumSet(AfiSafi.class, addPathReceive);
    }

    /** True when NLRI of the family carry path identifiers. */
    public boolean addPath(AfiSafi family) {
        return addPathReceive.contains(family);
    }

    public int maxMessageLength() {
        return extendedMessages ? BgpMessage.MAX_EXTENDED_LENGTH : BgpMessage.MAX_LENGTH;
    }

    /**
     * The context for UPDATEs sent by {@code sender} to {@code receiver}: decode received UPDATEs with
     * {@code negotiated(peer, local)}, encode outgoing ones with {@code negotiated(local, peer)}. ADD-PATH applies
     * to a family when the sender may send and the receiver may receive (RFC 7911 §4) — it is directional.
     */
    public static BgpSessionContext negotiated(Capabilities sender, Capabilities receiver) {
        EnumSet<AfiSafi> addPath = EnumSet.noneOf(AfiSafi.class);
        for (AfiSafi f : AfiSafi.values()) {
            AddPathMode s = sender.addPath(f);
            AddPathMode r = receiver.addPath(f);
            if (s != null && r != null && s.canSend() && r.canReceive()) {
                addPath.add(f);
            }
        }
        return new BgpSessionContext(sender.fourOctetAsn() != null && receiver.fourOctetAsn() != null, addPath,
                sender.extendedMessage() && receiver.extendedMessage());
    }
}
