package org.openpeering.telemetry.protocol.bgp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes BGP messages. The encoder is faithful rather than clever: it writes the attributes it is given (ORIGIN
 * -1 and a {@code null} NEXT_HOP are left out), in ascending type order (RFC 4271 §5) except MP_REACH_NLRI /
 * MP_UNREACH_NLRI, which come first (RFC 7606 §5.1) so that a receiver can always find the routes to withdraw.
 * It refuses what it cannot represent ({@link IllegalArgumentException}), including an UPDATE over the
 * negotiated maximum: splitting NLRI across UPDATEs is the caller's job.
 */
public final class BgpEncoder {

    private static final byte[] MARKER = {
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1 };

    private BgpEncoder() {
    }

    private static ByteSink header(int type, int capacity) {
        ByteSink s = new ByteSink(capacity);
        s.bytes(MARKER).u16(0).u8(type);
        return s;
    }

    private static byte[] finish(ByteSink s, int max) {
        if (s.size() > max) {
            throw new IllegalArgumentException("message of " + s.size() + " octets exceeds " + max);
        }
        s.put16(16, s.size());
        return s.toByteArray();
    }

    /** Dispatches on the message kind; an UPDATE marked End-of-RIB is written as {@link #endOfRib}. */
    public static byte[] encode(BgpMessage message, BgpSessionContext ctx) {
        // Java 17: no pattern switch yet; the interface is sealed, so the chain is complete
        if (message instanceof Update u) {
            return u.endOfRib() != null ? endOfRib(u.endOfRib())
                    : update(u.withdrawn(), u.announced(), u.attributes(), u.mpNextHop(), ctx);
        }
        if (message instanceof Open o) {
            return open(o);
        }
        if (message instanceof Notification n) {
            return notification(n.code(), n.subcode(), n.data());
        }
        if (message instanceof RouteRefresh r) {
            return routeRefresh(r.afiSafi(), r.subtype());
        }
        return keepalive();
    }

    // ---------------------------------------------------------------------------------------------------- OPEN

    /**
     * One Capabilities optional parameter holding every capability: multiprotocol per family, route refresh,
     * extended message, graceful restart, 4-octet AS, ADD-PATH, then the unknown ones as given. Beyond 255 octets
     * of parameters the RFC 9072 extended form is used.
     */
    public static byte[] open(Open o) {
        ByteSink caps = new ByteSink(64);
        Capabilities c = o.capabilities();
        for (AfiSafi f : AfiSafi.values()) {
            if (c.multiprotocol().contains(f)) {
                caps.u8(1).u8(4).u16(f.afi()).u8(0).u8(f.safi());
            }
        }
        if (c.routeRefresh()) {
            caps.u8(2).u8(0);
        }
        if (c.extendedMessage()) {
            caps.u8(6).u8(0);
        }
        GracefulRestart gr = c.gracefulRestart();
        if (gr != null) {
            Map<AfiSafi, Boolean> families = gr.forwardingPreserved();
            caps.u8(64).u8(2 + 4 * families.size())
                    .u16((gr.restarting() ? 0x8000 : 0) | gr.restartTimeSeconds());
            for (AfiSafi f : AfiSafi.values()) {
                Boolean forwarding = families.get(f);
                if (forwarding != null) {
                    caps.u16(f.afi()).u8(f.safi()).u8(forwarding ? 0x80 : 0);
                }
            }
        }
        if (c.fourOctetAsn() != null) {
            caps.u8(65).u8(4).u32(c.fourOctetAsn());
        }
        if (!c.addPath().isEmpty()) {
            caps.u8(69).u8(4 * c.addPath().size());
            for (AfiSafi f : AfiSafi.values()) {
                AddPathMode m = c.addPath().get(f);
                if (m != null) {
                    caps.u16(f.afi()).u8(f.safi()).u8(m.code());
                }
            }
        }
        for (byte[] raw : c.unknown()) {
            caps.bytes(raw);
        }
        byte[] capBytes = caps.toByteArray();
        ByteSink s = header(BgpMessage.TYPE_OPEN, 32 + capBytes.length);
        s.u8(o.version()).u16(o.myAs2()).u16(o.holdTimeSeconds()).u32(o.bgpIdentifier());
        if (capBytes.length == 0) {
            s.u8(0);
        } else if (capBytes.length + 2 <= 255) {
            s.u8(capBytes.length + 2).u8(2).u8(capBytes.length).bytes(capBytes);
        } else {
            // RFC 9072 §2: length 255, type 255, then a 2-octet total and 2-octet parameter lengths
            s.u8(255).u8(255).u16(capBytes.length + 3).u8(2).u16(capBytes.length).bytes(capBytes);
        }
        return finish(s, BgpMessage.MAX_LENGTH);
    }

    // ----------------------------------------------------------------------------------- the small messages

    public static byte[] keepalive() {
        return finish(header(BgpMessage.TYPE_KEEPALIVE, 19), BgpMessage.MAX_LENGTH);
    }

    public static byte[] notification(int code, int subcode, byte[] data) {
        Notification n = new Notification(code, subcode, data); // range checks
        ByteSink s = header(BgpMessage.TYPE_NOTIFICATION, 21 + n.data().length);
        s.u8(code).u8(subcode).bytes(n.data());
        // a NOTIFICATION is sent before extended messages could matter; keep it within 4096
        return finish(s, BgpMessage.MAX_LENGTH);
    }

    public static byte[] routeRefresh(AfiSafi f) {
        return routeRefresh(f, RouteRefresh.NORMAL);
    }

    /** With an RFC 7313 subtype (1 Beginning-, 2 End-of-RIB-Refresh). */
    public static byte[] routeRefresh(AfiSafi f, int subtype) {
        if (f == null) {
            throw new IllegalArgumentException("a ROUTE-REFRESH names a family");
        }
        ByteSink s = header(BgpMessage.TYPE_ROUTE_REFRESH, 23);
        s.u16(f.afi()).u8(subtype).u8(f.safi());
        return finish(s, BgpMessage.MAX_LENGTH);
    }

    /** RFC 4724 §2: an empty UPDATE for IPv4 unicast, an UPDATE with only an empty MP_UNREACH_NLRI otherwise. */
    public static byte[] endOfRib(AfiSafi f) {
        ByteSink s = header(BgpMessage.TYPE_UPDATE, 29);
        s.u16(0);
        if (f == AfiSafi.IPV4_UNICAST) {
            s.u16(0);
        } else {
            s.u16(6).u8(AttrType.OPTIONAL).u8(AttrType.MP_UNREACH_NLRI).u8(3).u16(f.afi()).u8(f.safi());
        }
        return finish(s, BgpMessage.MAX_LENGTH);
    }

    // -------------------------------------------------------------------------------------------------- UPDATE

    /**
     * IPv4 routes go in the UPDATE's own fields, IPv6 ones in MP_REACH_NLRI / MP_UNREACH_NLRI with
     * {@code mpNextHop}; path identifiers are written for the families in {@code ctx.addPathReceive()}; AS_PATH is
     * 4-octet when {@code ctx.fourOctetAs()}, else 2-octet with AS_TRANS and an AS4_PATH (and AS4_AGGREGATOR) when
     * some AS does not fit (RFC 6793 §4.2.2).
     */
    public static byte[] update(List<Nlri> withdrawn, List<Nlri> announced, PathAttributes attrs, String mpNextHop,
            BgpSessionContext ctx) {
        return update(withdrawn, announced, attrs, mpNextHop, null, ctx);
    }

    /** The same with an IPv6 link-local next hop after the global one (32-octet next hop, RFC 2545 §3). */
    public static byte[] update(List<Nlri> withdrawn, List<Nlri> announced, PathAttributes attrs, String mpNextHop,
            String mpLinkLocalNextHop, BgpSessionContext ctx) {
        BgpSessionContext c = ctx != null ? ctx : BgpSessionContext.DEFAULT;
        List<Nlri> w4 = new ArrayList<>();
        List<Nlri> w6 = new ArrayList<>();
        List<Nlri> a4 = new ArrayList<>();
        List<Nlri> a6 = new ArrayList<>();
        split(withdrawn, w4, w6);
        split(announced, a4, a6);
        if ((!a4.isEmpty() || !a6.isEmpty()) && attrs == null) {
            throw new IllegalArgumentException("announced routes need path attributes");
        }
        ByteSink s = header(BgpMessage.TYPE_UPDATE, 256);
        int withdrawnAt = s.size();
        s.u16(0);
        writeNlri(s, w4, c.addPath(AfiSafi.IPV4_UNICAST));
        s.put16(withdrawnAt, s.size() - withdrawnAt - 2);
        int attributesAt = s.size();
        s.u16(0);
        if (!a6.isEmpty()) {
            if (mpNextHop == null) {
                throw new IllegalArgumentException("IPv6 routes need an MP_REACH_NLRI next hop");
            }
            byte[] global = IpText.parse(mpNextHop);
            byte[] linkLocal = mpLinkLocalNextHop == null ? null : IpText.parse(mpLinkLocalNextHop);
            if (global.length != 16 || (linkLocal != null && linkLocal.length != 16)) {
                throw new IllegalArgumentException("IPv6 routes need IPv6 next hops");
            }
            int at = s.beginAttr(AttrType.OPTIONAL, AttrType.MP_REACH_NLRI);
            s.u16(2).u8(1).u8(linkLocal == null ? 16 : 32).bytes(global);
            if (linkLocal != null) {
                s.bytes(linkLocal);
            }
            s.u8(0);
            writeNlri(s, a6, c.addPath(AfiSafi.IPV6_UNICAST));
            s.endAttr(at);
        }
        if (!w6.isEmpty()) {
            int at = s.beginAttr(AttrType.OPTIONAL, AttrType.MP_UNREACH_NLRI);
            s.u16(2).u8(1);
            writeNlri(s, w6, c.addPath(AfiSafi.IPV6_UNICAST));
            s.endAttr(at);
        }
        if (attrs != null) {
            writeAttributes(s, attrs, !a4.isEmpty(), c.fourOctetAs());
        }
        s.put16(attributesAt, s.size() - attributesAt - 2);
        writeNlri(s, a4, c.addPath(AfiSafi.IPV4_UNICAST));
        return finish(s, c.maxMessageLength());
    }

    private static void split(List<Nlri> routes, List<Nlri> v4, List<Nlri> v6) {
        if (routes != null) {
            for (Nlri n : routes) {
                (n.prefix().isV6() ? v6 : v4).add(n);
            }
        }
    }

    private static void writeNlri(ByteSink s, List<Nlri> routes, boolean addPath) {
        for (Nlri n : routes) {
            if (addPath) {
                s.u32(n.pathId());
            }
            s.u8(n.prefix().length()).bytes(n.prefix().nlriBytes());
        }
    }

    /** Raw unknown attributes are merged into the ascending order by type code. */
    private static void writeAttributes(ByteSink s, PathAttributes a, boolean classicNlri, boolean fourOctet) {
        List<byte[]> raw = new ArrayList<>(a.unknownTransitive());
        for (byte[] r : raw) {
            checkRaw(r);
        }
        raw.sort(Comparator.comparingInt(r -> r[1] & 0xFF));
        int[] next = { 0 };
        if (a.origin() >= 0) {
            rawBefore(s, raw, next, AttrType.ORIGIN);
            s.u8(AttrType.WELL_KNOWN).u8(AttrType.ORIGIN).u8(1).u8(a.origin());
        }
        rawBefore(s, raw, next, AttrType.AS_PATH);
        int at = s.beginAttr(AttrType.WELL_KNOWN, AttrType.AS_PATH);
        boolean needsAs4Path = writePath(s, a.asPath(), fourOctet, false);
        s.endAttr(at);
        if (a.nextHop() != null && classicNlri) {
            byte[] nh = IpText.parse(a.nextHop());
            if (nh.length != 4) {
                throw new IllegalArgumentException("NEXT_HOP must be IPv4: " + a.nextHop());
            }
            rawBefore(s, raw, next, AttrType.NEXT_HOP);
            s.u8(AttrType.WELL_KNOWN).u8(AttrType.NEXT_HOP).u8(4).bytes(nh);
        }
        if (a.med() != null) {
            rawBefore(s, raw, next, AttrType.MULTI_EXIT_DISC);
            s.u8(AttrType.OPTIONAL).u8(AttrType.MULTI_EXIT_DISC).u8(4).u32(u32(a.med(), "MED"));
        }
        if (a.localPref() != null) {
            rawBefore(s, raw, next, AttrType.LOCAL_PREF);
            s.u8(AttrType.WELL_KNOWN).u8(AttrType.LOCAL_PREF).u8(4).u32(u32(a.localPref(), "LOCAL_PREF"));
        }
        if (a.atomicAggregate()) {
            rawBefore(s, raw, next, AttrType.ATOMIC_AGGREGATE);
            s.u8(AttrType.WELL_KNOWN).u8(AttrType.ATOMIC_AGGREGATE).u8(0);
        }
        long aggregatorAs = -1;
        byte[] aggregatorAddress = null;
        if (a.aggregatorAs() != null) {
            aggregatorAs = u32(a.aggregatorAs(), "AGGREGATOR AS");
            if (a.aggregatorAddress() == null) {
                throw new IllegalArgumentException("AGGREGATOR needs an address");
            }
            aggregatorAddress = IpText.parse(a.aggregatorAddress());
            if (aggregatorAddress.length != 4) {
                throw new IllegalArgumentException("AGGREGATOR address must be IPv4");
            }
            rawBefore(s, raw, next, AttrType.AGGREGATOR);
            if (fourOctet) {
                s.u8(AttrType.OPTIONAL_TRANSITIVE).u8(AttrType.AGGREGATOR).u8(8).u32(aggregatorAs);
            } else {
                s.u8(AttrType.OPTIONAL_TRANSITIVE).u8(AttrType.AGGREGATOR).u8(6)
                        .u16(aggregatorAs > 0xFFFF ? Open.AS_TRANS : (int) aggregatorAs);
            }
            s.bytes(aggregatorAddress);
        }
        if (a.communities().length > 0) {
            rawBefore(s, raw, next, AttrType.COMMUNITIES);
            at = s.beginAttr(AttrType.OPTIONAL_TRANSITIVE, AttrType.COMMUNITIES);
            for (int c : a.communities()) {
                s.u32(c & 0xFFFF_FFFFL);
            }
            s.endAttr(at);
        }
        if (needsAs4Path) {
            rawBefore(s, raw, next, AttrType.AS4_PATH);
            at = s.beginAttr(AttrType.OPTIONAL_TRANSITIVE, AttrType.AS4_PATH);
            writePath(s, a.asPath(), true, true);
            s.endAttr(at);
        }
        if (!fourOctet && aggregatorAs > 0xFFFF) {
            rawBefore(s, raw, next, AttrType.AS4_AGGREGATOR);
            s.u8(AttrType.OPTIONAL_TRANSITIVE).u8(AttrType.AS4_AGGREGATOR).u8(8).u32(aggregatorAs)
                    .bytes(aggregatorAddress);
        }
        if (a.largeCommunities().length > 0) {
            rawBefore(s, raw, next, AttrType.LARGE_COMMUNITIES);
            at = s.beginAttr(AttrType.OPTIONAL_TRANSITIVE, AttrType.LARGE_COMMUNITIES);
            for (long v : a.largeCommunities()) {
                s.u32(u32(v, "large community"));
            }
            s.endAttr(at);
        }
        if (a.otc() != null) {
            rawBefore(s, raw, next, AttrType.OTC);
            s.u8(AttrType.OPTIONAL_TRANSITIVE).u8(AttrType.OTC).u8(4).u32(u32(a.otc(), "OTC"));
        }
        rawBefore(s, raw, next, 256);
    }

    private static long u32(long v, String what) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(what + " is unsigned 32 bits: " + v);
        }
        return v;
    }

    private static void checkRaw(byte[] r) {
        if (r == null || r.length < 3) {
            throw new IllegalArgumentException("a raw attribute is flags, type, length, value");
        }
        boolean extended = (r[0] & AttrType.EXTENDED_LENGTH) != 0;
        int header = extended ? 4 : 3;
        int len = r.length < header ? -1 : extended ? Wire.u16(r, 2) : Wire.u8(r, 2);
        if (len != r.length - header) {
            throw new IllegalArgumentException("raw attribute length does not match its value");
        }
        if ((r[0] & AttrType.OPTIONAL) == 0 || (r[0] & AttrType.TRANSITIVE) == 0) {
            throw new IllegalArgumentException("only optional transitive attributes are passed on raw");
        }
        if (AttrType.modelled(r[1] & 0xFF)) {
            throw new IllegalArgumentException(AttrType.name(r[1] & 0xFF) + " is written from its field, not raw");
        }
    }

    /** Writes the raw attributes whose type is below {@code type}, with the Partial bit (RFC 4271 §5). */
    private static void rawBefore(ByteSink s, List<byte[]> raw, int[] next, int type) {
        while (next[0] < raw.size() && (raw.get(next[0])[1] & 0xFF) < type) {
            byte[] r = raw.get(next[0]++);
            int header = (r[0] & AttrType.EXTENDED_LENGTH) != 0 ? 4 : 3;
            int at = s.beginAttr((r[0] & 0xFF) | AttrType.PARTIAL, r[1] & 0xFF);
            s.bytes(r, header, r.length - header);
            s.endAttr(at);
        }
    }

    /**
     * AS_PATH (or, with {@code as4Path}, AS4_PATH: 4-octet, no confederation segments). Sequences over 255 ASes are
     * split, as a segment length is one octet. Returns true when a 2-octet path had to use AS_TRANS.
     */
    private static boolean writePath(ByteSink s, List<AsPathSegment> path, boolean fourOctet, boolean as4Path) {
        boolean transUsed = false;
        for (AsPathSegment seg : path) {
            if (as4Path && seg.confed()) {
                continue;
            }
            long[] asns = seg.asns();
            if (seg.set() && asns.length > 255) {
                throw new IllegalArgumentException("an AS_SET of more than 255 ASes");
            }
            for (int from = 0; from < asns.length; from += 255) {
                int n = Math.min(255, asns.length - from);
                s.u8(seg.typeCode()).u8(n);
                for (int i = from; i < from + n; i++) {
                    long as = u32(asns[i], "AS");
                    if (fourOctet) {
                        s.u32(as);
                    } else if (as > 0xFFFF) {
                        s.u16(Open.AS_TRANS);
                        transUsed |= !seg.confed();
                    } else {
                        s.u16((int) as);
                    }
                }
            }
        }
        return transUsed;
    }
}
