package org.openpeering.telemetry.protocol.bgp;

import static org.openpeering.telemetry.protocol.bgp.AttrType.AGGREGATOR;
import static org.openpeering.telemetry.protocol.bgp.AttrType.AS4_AGGREGATOR;
import static org.openpeering.telemetry.protocol.bgp.AttrType.AS4_PATH;
import static org.openpeering.telemetry.protocol.bgp.AttrType.AS_PATH;
import static org.openpeering.telemetry.protocol.bgp.AttrType.ATOMIC_AGGREGATE;
import static org.openpeering.telemetry.protocol.bgp.AttrType.COMMUNITIES;
import static org.openpeering.telemetry.protocol.bgp.AttrType.LARGE_COMMUNITIES;
import static org.openpeering.telemetry.protocol.bgp.AttrType.LOCAL_PREF;
import static org.openpeering.telemetry.protocol.bgp.AttrType.MP_REACH_NLRI;
import static org.openpeering.telemetry.protocol.bgp.AttrType.MP_UNREACH_NLRI;
import static org.openpeering.telemetry.protocol.bgp.AttrType.MULTI_EXIT_DISC;
import static org.openpeering.telemetry.protocol.bgp.AttrType.NEXT_HOP;
import static org.openpeering.telemetry.protocol.bgp.AttrType.OPTIONAL_NON_TRANSITIVE;
import static org.openpeering.telemetry.protocol.bgp.AttrType.OPTIONAL_TRANSITIVE;
import static org.openpeering.telemetry.protocol.bgp.AttrType.ORIGIN;
import static org.openpeering.telemetry.protocol.bgp.AttrType.OTC;
import static org.openpeering.telemetry.protocol.bgp.AttrType.WELL_KNOWN;
import static org.openpeering.telemetry.protocol.bgp.Wire.u16;
import static org.openpeering.telemetry.protocol.bgp.Wire.u32;
import static org.openpeering.telemetry.protocol.bgp.Wire.u8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.openpeering.telemetry.protocol.Prefix;

/**
 * Decodes one complete BGP message (header included), as {@link BgpFramer#next()} returns it.
 *
 * <p>Errors follow RFC 7606: a {@link BgpException} is a session reset (send its NOTIFICATION and close); the
 * softer outcomes, treat-as-withdraw and attribute discard, come back inside the {@link Update}
 * ({@link Update#treatAsWithdraw()}, {@link Update#errors()}). The outcome for each case is documented where it is
 * decided, below.
 *
 * <p>The UPDATE path is the hot one (a collector decodes millions): one {@link PathAttributes} per UPDATE, no
 * regex, no String built except next-hop and AGGREGATOR texts and error texts.
 */
public final class BgpDecoder {

    private static final byte[] VERSION_4 = { 0, 4 };

    private BgpDecoder() {
    }

    public static BgpMessage decode(byte[] message, BgpSessionContext ctx) throws BgpException {
        return decode(message, 0, message.length, ctx);
    }

    /** The same, for a message inside a larger buffer (a BMP Route Monitoring, an MRT record). */
    public static BgpMessage decode(byte[] buf, int off, int len, BgpSessionContext ctx) throws BgpException {
        Objects.checkFromIndexSize(off, len, buf.length);
        BgpSessionContext c = ctx != null ? ctx : BgpSessionContext.DEFAULT;
        int marker = Math.min(len, 16);
        for (int i = 0; i < marker; i++) {
            if (buf[off + i] != (byte) 0xFF) {
                throw new BgpException(1, 1, Wire.EMPTY, "marker is not all ones");
            }
        }
        if (len < BgpMessage.HEADER_LENGTH) {
            throw new BgpException(1, 2, len >= 18 ? Wire.copy(buf, off + 16, off + 18) : Wire.EMPTY,
                    "message of " + len + " octets is shorter than the header");
        }
        int length = u16(buf, off + 16);
        if (length != len) {
            throw badLength(buf, off, "length field " + length + " but " + len + " octets given");
        }
        if (length > c.maxMessageLength()) {
            throw badLength(buf, off, "length " + length + " exceeds " + c.maxMessageLength());
        }
        int type = u8(buf, off + 18);
        switch (type) {
            case BgpMessage.TYPE_OPEN:
                // RFC 8654 §4: OPEN stays within 4096 octets even with extended messages
                if (length < 29 || length > BgpMessage.MAX_LENGTH) {
                    throw badLength(buf, off, "OPEN of " + length + " octets");
                }
                return decodeOpen(buf, off, len);
            case BgpMessage.TYPE_UPDATE:
                if (length < 23) {
                    throw badLength(buf, off, "UPDATE of " + length + " octets");
                }
                return decodeUpdate(buf, off, len, c);
            case BgpMessage.TYPE_NOTIFICATION:
                if (length < 21) {
                    throw badLength(buf, off, "NOTIFICATION of " + length + " octets");
                }
                return new Notification(u8(buf, off + 19), u8(buf, off + 20), Wire.copy(buf, off + 21, off + len));
            case BgpMessage.TYPE_KEEPALIVE:
                if (length != 19) {
                    throw badLength(buf, off, "KEEPALIVE of " + length + " octets");
                }
                return Keepalive.INSTANCE;
            case BgpMessage.TYPE_ROUTE_REFRESH:
                return decodeRouteRefresh(buf, off, len);
            default:
                throw new BgpException(1, 3, new byte[] { (byte) type }, "message type " + type);
        }
    }

    /** RFC 4271 §6.1: Bad Message Length, the Data field being the erroneous Length field. */
    private static BgpException badLength(byte[] b, int off, String detail) {
        return new BgpException(1, 2, Wire.copy(b, off + 16, off + 18), detail);
    }

    private static RouteRefresh decodeRouteRefresh(byte[] b, int off, int len) throws BgpException {
        if (len != 23) {
            int subtype = len >= 22 ? u8(b, off + 21) : -1;
            if (subtype == 1 || subtype == 2) {
                // RFC 7313 §5: Invalid Message Length, Data = the whole ROUTE-REFRESH
                throw new BgpException(7, 1, Wire.copy(b, off, off + len), "ROUTE-REFRESH of " + len + " octets");
            }
            throw badLength(b, off, "ROUTE-REFRESH of " + len + " octets");
        }
        return new RouteRefresh(AfiSafi.of(u16(b, off + 19), u8(b, off + 22)), u8(b, off + 21));
    }

    // ---------------------------------------------------------------------------------------------------- OPEN

    private static Open decodeOpen(byte[] b, int off, int len) throws BgpException {
        int end = off + len;
        int version = u8(b, off + 19);
        if (version != 4) {
            // RFC 4271 §6.2: Data = the largest version we support
            throw new BgpException(2, 1, VERSION_4, "BGP version " + version);
        }
        int myAs = u16(b, off + 20);
        int hold = u16(b, off + 22);
        long id = u32(b, off + 24);
        int optLen = u8(b, off + 28);
        int p = off + 29;
        int lenSize = 1;
        if (optLen == 255 && p < end && u8(b, p) == 255) {
            // RFC 9072: Non-Ext OP Type 255 announces 2-octet parameter lengths
            if (p + 3 > end) {
                throw optionalParameters("truncated extended optional parameters length");
            }
            optLen = u16(b, p + 1);
            p += 3;
            lenSize = 2;
        }
        if (p + optLen != end) {
            throw optionalParameters("optional parameters length " + optLen + " does not match the message");
        }
        CapabilitiesReader caps = new CapabilitiesReader();
        while (p < end) {
            if (p + 1 + lenSize > end) {
                throw optionalParameters("truncated optional parameter");
            }
            int type = u8(b, p);
            int plen = lenSize == 1 ? u8(b, p + 1) : u16(b, p + 1);
            int v = p + 1 + lenSize;
            if (v + plen > end) {
                throw optionalParameters("optional parameter " + type + " overruns the message");
            }
            // Only Capabilities (2) is in use; the deprecated Authentication (1) and anything else are ignored.
            if (type == 2) {
                caps.read(b, v, v + plen);
            }
            p = v + plen;
        }
        return new Open(version, myAs, hold, id, caps.build());
    }

    private static BgpException optionalParameters(String detail) {
        return new BgpException(2, 4, Wire.EMPTY, detail);
    }

    /** Accumulates capabilities over however many Capabilities parameters the OPEN carries (RFC 5492 §4). */
    private static final class CapabilitiesReader {
        Long fourOctetAsn;
        final Set<AfiSafi> multiprotocol = EnumSet.noneOf(AfiSafi.class);
        boolean routeRefresh;
        boolean extendedMessage;
        GracefulRestart gracefulRestart;
        final Map<AfiSafi, AddPathMode> addPath = new EnumMap<>(AfiSafi.class);
        final List<byte[]> unknown = new ArrayList<>();

        void read(byte[] b, int p, int end) throws BgpException {
            while (p < end) {
                if (p + 2 > end) {
                    throw optionalParameters("truncated capability");
                }
                int code = u8(b, p);
                int len = u8(b, p + 1);
                int v = p + 2;
                if (v + len > end) {
                    throw optionalParameters("capability " + code + " overruns its parameter");
                }
                switch (code) {
                    case 1 -> multiprotocol(b, p, v, len);
                    case 2 -> routeRefresh = true;
                    case 6 -> extendedMessage = true;
                    case 64 -> gracefulRestart(b, v, len);
                    case 65 -> {
                        if (len != 4) {
                            throw optionalParameters("4-octet AS capability of length " + len);
                        }
                        fourOctetAsn = u32(b, v);
                    }
                    case 69 -> addPath(b, p, v, len);
                    default -> unknown.add(Wire.copy(b, p, v + len));
                }
                p = v + len;
            }
        }

        private void multiprotocol(byte[] b, int p, int v, int len) throws BgpException {
            if (len != 4) {
                throw optionalParameters("multiprotocol capability of length " + len);
            }
            AfiSafi f = AfiSafi.of(u16(b, v), u8(b, v + 3));
            if (f != null) {
                multiprotocol.add(f);
            } else {
                // kept raw so that a relayed or re-encoded OPEN still advertises the family
                unknown.add(Wire.copy(b, p, v + len));
            }
        }

        private void gracefulRestart(byte[] b, int v, int len) throws BgpException {
            if (len < 2 || (len - 2) % 4 != 0) {
                throw optionalParameters("graceful restart capability of length " + len);
            }
            int head = u16(b, v);
            Map<AfiSafi, Boolean> families = new EnumMap<>(AfiSafi.class);
            for (int q = v + 2; q < v + len; q += 4) {
                AfiSafi f = AfiSafi.of(u16(b, q), u8(b, q + 2));
                if (f != null) {
                    families.put(f, (b[q + 3] & 0x80) != 0);
                }
            }
            gracefulRestart = new GracefulRestart((head & 0x8000) != 0, head & 0x0FFF, families);
        }

        private void addPath(byte[] b, int p, int v, int len) throws BgpException {
            if (len % 4 != 0) {
                throw optionalParameters("ADD-PATH capability of length " + len);
            }
            Map<AfiSafi, AddPathMode> modes = new EnumMap<>(AfiSafi.class);
            for (int q = v; q < v + len; q += 4) {
                AddPathMode m = AddPathMode.fromCode(u8(b, q + 3));
                if (m == null) {
                    // RFC 7911 §4: a bad Send/Receive value makes the whole capability "not understood"
                    unknown.add(Wire.copy(b, p, v + len));
                    return;
                }
                AfiSafi f = AfiSafi.of(u16(b, q), u8(b, q + 2));
                if (f != null) {
                    modes.put(f, m);
                }
            }
            addPath.putAll(modes);
        }

        Capabilities build() {
            return new Capabilities(fourOctetAsn, multiprotocol, routeRefresh, extendedMessage, gracefulRestart,
                    addPath, unknown);
        }
    }

    // -------------------------------------------------------------------------------------------------- UPDATE

    private static Update decodeUpdate(byte[] b, int off, int len, BgpSessionContext ctx) throws BgpException {
        int end = off + len;
        int p = off + 19;
        int withdrawnLength = u16(b, p);
        p += 2;
        // RFC 4271 §6.3 / RFC 7606 §4: lengths that overrun the message leave nothing to trust: session reset
        if (p + withdrawnLength + 2 > end) {
            throw new BgpException(3, 1, Wire.EMPTY, "withdrawn routes length " + withdrawnLength
                    + " overruns the message");
        }
        List<Nlri> withdrawn4 = null;
        if (withdrawnLength > 0) {
            withdrawn4 = new ArrayList<>();
            String err = readPrefixes(b, p, p + withdrawnLength, false, ctx.addPath(AfiSafi.IPV4_UNICAST),
                    withdrawn4);
            if (err != null) {
                throw new BgpException(3, 10, Wire.EMPTY, "withdrawn routes: " + err);
            }
        }
        p += withdrawnLength;
        int attributesLength = u16(b, p);
        p += 2;
        if (p + attributesLength > end) {
            throw new BgpException(3, 1, Wire.EMPTY, "total path attribute length " + attributesLength
                    + " overruns the message");
        }
        UpdateReader r = new UpdateReader(b, ctx);
        r.readAttributes(p, p + attributesLength);
        p += attributesLength;
        List<Nlri> nlri4 = null;
        if (p < end) {
            nlri4 = new ArrayList<>();
            String err = readPrefixes(b, p, end, false, ctx.addPath(AfiSafi.IPV4_UNICAST), nlri4);
            if (err != null) {
                throw new BgpException(3, 10, Wire.EMPTY, "NLRI: " + err);
            }
        }
        return r.finish(withdrawn4, nlri4, withdrawnLength == 0 && attributesLength == 0 && nlri4 == null);
    }

    /**
     * Reads NLRI of one family into {@code out}; returns {@code null}, or what is wrong (the caller picks the
     * subcode: 3/10 in the UPDATE's own fields, 3/9 inside MP_REACH / MP_UNREACH).
     */
    static String readPrefixes(byte[] b, int p, int end, boolean v6, boolean addPath, List<Nlri> out) {
        int max = v6 ? 128 : 32;
        while (p < end) {
            long pathId = 0;
            if (addPath) {
                if (end - p < 5) {
                    return "truncated ADD-PATH NLRI";
                }
                pathId = u32(b, p);
                p += 4;
            }
            int length = u8(b, p++);
            if (length > max) {
                return "prefix length " + length + " exceeds " + max;
            }
            int n = (length + 7) >>> 3;
            if (p + n > end) {
                return "prefix /" + length + " truncated";
            }
            out.add(new Nlri(prefix(b, p, length, n, v6), pathId));
            p += n;
        }
        return null;
    }

    /**
     * RFC 4271 §4.3: trailing bits past the prefix length are irrelevant, so they are cleared rather than refused
     * (Prefix.of refuses them). The copy happens only in that rare case.
     */
    private static Prefix prefix(byte[] b, int p, int length, int n, boolean v6) {
        int spare = n * 8 - length;
        if (spare > 0 && (b[p + n - 1] & ((1 << spare) - 1)) != 0) {
            byte[] clean = Wire.copy(b, p, p + n);
            clean[n - 1] &= (byte) ~((1 << spare) - 1);
            return Prefix.of(v6, length, clean, 0);
        }
        return Prefix.of(v6, length, b, p);
    }

    /** The state of one UPDATE's attribute list; one instance per UPDATE. */
    private static final class UpdateReader {
        private final byte[] b;
        private final BgpSessionContext ctx;
        private final boolean as4;
        // RFC 7606 §3 g: type codes already met, 256 bits
        private long seen0;
        private long seen1;
        private long seen2;
        private long seen3;
        private int attributeCount;
        private int otherThanMp;

        private int origin = -1;
        private List<AsPathSegment> asPath;
        private String nextHop;
        private Long med;
        private Long localPref;
        private boolean atomicAggregate;
        private Long aggregatorAs;
        private String aggregatorAddress;
        private long as4AggregatorAs = -1;
        private String as4AggregatorAddress;
        private List<AsPathSegment> as4Path;
        private int[] communities;
        private long[] largeCommunities;
        private Long otc;
        private List<byte[]> unknownTransitive;

        private String mpNextHop;
        private List<Nlri> reach;
        private List<Nlri> unreach;
        private AfiSafi unreachFamily;

        private boolean treatAsWithdraw;
        private List<String> errors;
        /** Why the last readPath failed; a constant text where possible. */
        private String pathError;

        UpdateReader(byte[] b, BgpSessionContext ctx) {
            this.b = b;
            this.ctx = ctx;
            this.as4 = ctx.fourOctetAs();
        }

        private boolean seen(int type) {
            long word = type < 64 ? seen0 : type < 128 ? seen1 : type < 192 ? seen2 : seen3;
            return (word & (1L << (type & 63))) != 0;
        }

        private void markSeen(int type) {
            long bit = 1L << (type & 63);
            if (type < 64) {
                seen0 |= bit;
            } else if (type < 128) {
                seen1 |= bit;
            } else if (type < 192) {
                seen2 |= bit;
            } else {
                seen3 |= bit;
            }
        }

        private void log(String what) {
            if (errors == null) {
                errors = new ArrayList<>(2);
            }
            errors.add(what);
        }

        private void withdraw(String what) {
            treatAsWithdraw = true;
            log("treat-as-withdraw: " + what);
        }

        private void discard(String what) {
            log("attribute discard: " + what);
        }

        void readAttributes(int p, int end) throws BgpException {
            while (p < end) {
                int start = p;
                int flags = u8(b, p);
                boolean extended = (flags & AttrType.EXTENDED_LENGTH) != 0;
                if (end - p < (extended ? 4 : 3)) {
                    // RFC 7606 §4: too few octets left for an attribute header
                    withdraw((end - p) + " trailing octets in the path attributes");
                    return;
                }
                int type = u8(b, p + 1);
                int len = extended ? u16(b, p + 2) : u8(b, p + 2);
                int v = p + (extended ? 4 : 3);
                if (v + len > end) {
                    if (type == MP_REACH_NLRI || type == MP_UNREACH_NLRI) {
                        // its NLRI cannot be found, so treat-as-withdraw could not withdraw them: reset
                        throw new BgpException(3, 9, Wire.copy(b, start, end),
                                AttrType.name(type) + " length " + len + " overruns the path attributes");
                    }
                    // RFC 7606 §4: the Total Path Attribute Length still locates the NLRI field
                    withdraw(AttrType.name(type) + " length " + len + " overruns the path attributes");
                    return;
                }
                p = v + len;
                attributeCount++;
                if (type != MP_REACH_NLRI && type != MP_UNREACH_NLRI) {
                    otherThanMp++;
                }
                if (seen(type)) {
                    if (type == MP_REACH_NLRI || type == MP_UNREACH_NLRI) {
                        throw new BgpException(3, 1, Wire.EMPTY, "duplicate " + AttrType.name(type));
                    }
                    discard("duplicate " + AttrType.name(type));
                    continue;
                }
                markSeen(type);
                attribute(flags, type, start, v, len);
            }
        }

        /** RFC 7606 §3 c: Optional/Transitive bits in conflict with the attribute's definition. */
        private boolean flagsOk(int flags, int expected, int type) {
            if ((flags & (AttrType.OPTIONAL | AttrType.TRANSITIVE)) == expected) {
                return true;
            }
            withdraw(AttrType.name(type) + " flags 0x" + Integer.toHexString(flags));
            return false;
        }

        private void attribute(int flags, int type, int start, int v, int len) throws BgpException {
            switch (type) {
                case ORIGIN -> {
                    if (!flagsOk(flags, WELL_KNOWN, type)) {
                        return;
                    }
                    if (len != 1) {
                        withdraw("ORIGIN length " + len);
                    } else if (u8(b, v) > 2) {
                        withdraw("ORIGIN value " + u8(b, v));
                    } else {
                        origin = u8(b, v);
                    }
                }
                case AS_PATH -> {
                    if (!flagsOk(flags, WELL_KNOWN, type)) {
                        return;
                    }
                    List<AsPathSegment> path = readPath(v, len, as4 ? 4 : 2, true);
                    if (path == null) {
                        withdraw("AS_PATH " + pathError);
                    } else {
                        asPath = path;
                    }
                }
                case NEXT_HOP -> {
                    if (!flagsOk(flags, WELL_KNOWN, type)) {
                        return;
                    }
                    // Only the syntax is checked (RFC 7606 §7.3); 0.0.0.0 is legitimate in BMP Loc-RIB and
                    // "is it our own address" is the session's question.
                    if (len != 4) {
                        withdraw("NEXT_HOP length " + len);
                    } else {
                        nextHop = IpText.v4(b, v);
                    }
                }
                case MULTI_EXIT_DISC -> {
                    if (flagsOk(flags, OPTIONAL_NON_TRANSITIVE, type)) {
                        if (len != 4) {
                            withdraw("MULTI_EXIT_DISC length " + len);
                        } else {
                            med = u32(b, v);
                        }
                    }
                }
                case LOCAL_PREF -> {
                    if (flagsOk(flags, WELL_KNOWN, type)) {
                        if (len != 4) {
                            withdraw("LOCAL_PREF length " + len);
                        } else {
                            localPref = u32(b, v);
                        }
                    }
                }
                case ATOMIC_AGGREGATE -> {
                    if (flagsOk(flags, WELL_KNOWN, type)) {
                        if (len != 0) {
                            discard("ATOMIC_AGGREGATE length " + len); // RFC 7606 §7.6
                        } else {
                            atomicAggregate = true;
                        }
                    }
                }
                case AGGREGATOR -> {
                    if (flagsOk(flags, OPTIONAL_TRANSITIVE, type)) {
                        aggregator(v, len);
                    }
                }
                case COMMUNITIES -> {
                    if (flagsOk(flags, OPTIONAL_TRANSITIVE, type)) {
                        if (len == 0 || len % 4 != 0) {
                            withdraw("COMMUNITIES length " + len); // RFC 7606 §7.8
                        } else {
                            int[] c = new int[len >>> 2];
                            for (int i = 0; i < c.length; i++) {
                                c[i] = (int) u32(b, v + 4 * i);
                            }
                            communities = c;
                        }
                    }
                }
                case MP_REACH_NLRI -> {
                    // a flags conflict withdraws, but the NLRI must still be read to know what to withdraw
                    flagsOk(flags, OPTIONAL_NON_TRANSITIVE, type);
                    mpReach(start, v, len);
                }
                case MP_UNREACH_NLRI -> {
                    flagsOk(flags, OPTIONAL_NON_TRANSITIVE, type);
                    mpUnreach(start, v, len);
                }
                case AS4_PATH -> {
                    if (as4) {
                        // RFC 6793 §4.1: a NEW speaker discards AS4_PATH received from a NEW speaker
                        discard("AS4_PATH on a 4-octet AS session");
                    } else if (flagsOk(flags, OPTIONAL_TRANSITIVE, type)) {
                        List<AsPathSegment> path = readPath(v, len, 4, false);
                        if (path == null) {
                            discard("AS4_PATH " + pathError); // RFC 6793 §6, RFC 7606 §7.7
                        } else {
                            as4Path = path;
                        }
                    }
                }
                case AS4_AGGREGATOR -> {
                    if (as4) {
                        discard("AS4_AGGREGATOR on a 4-octet AS session");
                    } else if (flagsOk(flags, OPTIONAL_TRANSITIVE, type)) {
                        if (len != 8) {
                            discard("AS4_AGGREGATOR length " + len);
                        } else if (u32(b, v) == 0) {
                            discard("AS4_AGGREGATOR AS 0"); // RFC 7607 §2
                        } else {
                            as4AggregatorAs = u32(b, v);
                            as4AggregatorAddress = IpText.v4(b, v + 4);
                        }
                    }
                }
                case LARGE_COMMUNITIES -> {
                    if (flagsOk(flags, OPTIONAL_TRANSITIVE, type)) {
                        if (len == 0 || len % 12 != 0) {
                            withdraw("LARGE_COMMUNITIES length " + len); // RFC 8092 §5
                        } else {
                            long[] l = new long[len >>> 2];
                            for (int i = 0; i < l.length; i++) {
                                l[i] = u32(b, v + 4 * i);
                            }
                            largeCommunities = l;
                        }
                    }
                }
                case OTC -> {
                    if (flagsOk(flags, OPTIONAL_TRANSITIVE, type)) {
                        if (len != 4) {
                            withdraw("OTC length " + len); // RFC 9234 §5
                        } else {
                            otc = u32(b, v);
                        }
                    }
                }
                default -> unknownAttribute(flags, type, start, v + len);
            }
        }

        private void unknownAttribute(int flags, int type, int start, int end) {
            if ((flags & AttrType.OPTIONAL) == 0) {
                // RFC 4271 §6.3 would reset (3/2); RFC 7606 leaves the choice open. Withdrawing is the safe choice:
                // the route's meaning may hinge on an attribute every speaker was meant to understand.
                withdraw("unrecognized well-known attribute " + type);
            } else if ((flags & AttrType.TRANSITIVE) != 0) {
                if (unknownTransitive == null) {
                    unknownTransitive = new ArrayList<>(2);
                }
                unknownTransitive.add(Wire.copy(b, start, end));
            }
            // unrecognized optional non-transitive (ORIGINATOR_ID, CLUSTER_LIST, AIGP...): quietly ignored (§5)
        }

        private void aggregator(int v, int len) {
            int expected = as4 ? 8 : 6;
            if (len != expected) {
                discard("AGGREGATOR length " + len); // RFC 7606 §7.7
                return;
            }
            long as = as4 ? u32(b, v) : u16(b, v);
            if (as == 0) {
                discard("AGGREGATOR AS 0"); // RFC 7607 §2
                return;
            }
            aggregatorAs = as;
            aggregatorAddress = IpText.v4(b, v + (as4 ? 4 : 2));
        }

        /**
         * Segments of an AS_PATH / AS4_PATH value, or {@code null} with {@link #pathError} set. Malformed per
         * RFC 7606 §7.2: unknown segment type, zero segment length, overrun, a lone trailing octet; plus AS 0
         * (RFC 7607) and, for AS4_PATH, confederation segments (RFC 6793 §6).
         */
        private List<AsPathSegment> readPath(int v, int len, int asSize, boolean confedAllowed) {
            int end = v + len;
            int count = 0;
            for (int p = v; p < end;) {
                if (end - p < 2) {
                    pathError = "ends in a lone octet";
                    return null;
                }
                int type = u8(b, p);
                int n = u8(b, p + 1);
                if (type < 1 || type > 4) {
                    pathError = "segment type " + type;
                    return null;
                }
                if (type > 2 && !confedAllowed) {
                    pathError = "carries a confederation segment";
                    return null;
                }
                if (n == 0) {
                    pathError = "has an empty segment";
                    return null;
                }
                p += 2 + n * asSize;
                if (p > end) {
                    pathError = "segment overruns the attribute";
                    return null;
                }
                count++;
            }
            if (count == 0) {
                return List.of();
            }
            AsPathSegment[] segments = new AsPathSegment[count];
            int i = 0;
            for (int p = v; p < end;) {
                int type = u8(b, p);
                long[] asns = new long[u8(b, p + 1)];
                p += 2;
                for (int k = 0; k < asns.length; k++, p += asSize) {
                    long as = asSize == 4 ? u32(b, p) : u16(b, p);
                    if (as == 0) {
                        pathError = "contains AS 0";
                        return null;
                    }
                    asns[k] = as;
                }
                segments[i++] = new AsPathSegment(type == AsPathSegment.TYPE_AS_SET
                        || type == AsPathSegment.TYPE_AS_CONFED_SET, asns, type > 2);
            }
            return count == 1 ? List.of(segments[0]) : List.of(segments);
        }

        /** RFC 7606 §7.11 / §5.3: a malformed MP_REACH_NLRI resets (we do not disable single families). */
        private BgpException optionalError(String detail, int start, int end) {
            return new BgpException(3, 9, Wire.copy(b, start, end), detail);
        }

        private void mpReach(int start, int v, int len) throws BgpException {
            int end = v + len;
            if (len < 5) {
                throw optionalError("MP_REACH_NLRI length " + len, start, end);
            }
            AfiSafi f = AfiSafi.of(u16(b, v), u8(b, v + 2));
            if (f == null) {
                return; // a family we do not carry (possible under BMP): skipped, not an error
            }
            int nhLength = u8(b, v + 3);
            int nh = v + 4;
            if (nh + nhLength + 1 > end) {
                throw optionalError("MP_REACH_NLRI next hop length " + nhLength + " overruns the attribute", start,
                        end);
            }
            // IPv6: global, or global + link-local (RFC 2545 §3); IPv4 may use an IPv6 next hop (RFC 8950)
            boolean ok = nhLength == 16 || nhLength == 32 || (nhLength == 4 && !f.isV6());
            if (!ok) {
                throw optionalError("MP_REACH_NLRI next hop length " + nhLength + " for " + f, start, end);
            }
            mpNextHop = nhLength == 4 ? IpText.v4(b, nh) : IpText.v6(b, nh);
            List<Nlri> out = new ArrayList<>();
            // after the next hop: one reserved octet (formerly the SNPA count, RFC 4760 §3), ignored
            String err = readPrefixes(b, nh + nhLength + 1, end, f.isV6(), ctx.addPath(f), out);
            if (err != null) {
                throw optionalError("MP_REACH_NLRI " + f + ": " + err, start, end);
            }
            reach = out;
        }

        private void mpUnreach(int start, int v, int len) throws BgpException {
            int end = v + len;
            if (len < 3) {
                throw optionalError("MP_UNREACH_NLRI length " + len, start, end);
            }
            AfiSafi f = AfiSafi.of(u16(b, v), u8(b, v + 2));
            if (f == null) {
                return;
            }
            List<Nlri> out = new ArrayList<>();
            String err = readPrefixes(b, v + 3, end, f.isV6(), ctx.addPath(f), out);
            if (err != null) {
                throw optionalError("MP_UNREACH_NLRI " + f + ": " + err, start, end);
            }
            unreach = out;
            unreachFamily = f;
        }

        Update finish(List<Nlri> withdrawn4, List<Nlri> nlri4, boolean empty) {
            boolean classic = nlri4 != null && !nlri4.isEmpty();
            if (classic || (reach != null && !reach.isEmpty())) {
                // RFC 7606 §3 d; NEXT_HOP is mandatory only with NLRI in the UPDATE's own field (RFC 4760 §3)
                if (!seen(ORIGIN)) {
                    withdraw("missing ORIGIN");
                }
                if (!seen(AS_PATH)) {
                    withdraw("missing AS_PATH");
                }
                if (classic && !seen(NEXT_HOP)) {
                    withdraw("missing NEXT_HOP");
                }
            }
            if (!as4) {
                reconcileAs4();
            }
            AfiSafi endOfRib = null;
            if (empty) {
                endOfRib = AfiSafi.IPV4_UNICAST; // RFC 4724 §2: an UPDATE with nothing at all
            } else if (withdrawn4 == null && nlri4 == null && attributeCount == 1 && unreachFamily != null
                    && unreach.isEmpty()) {
                endOfRib = unreachFamily; // the only attribute is an empty MP_UNREACH_NLRI
            }
            PathAttributes attributes = otherThanMp == 0 ? null
                    : new PathAttributes(origin, asPath, nextHop, med, localPref, atomicAggregate, aggregatorAs,
                            aggregatorAddress, communities, largeCommunities, otc,
                            unknownTransitive == null ? null : Collections.unmodifiableList(unknownTransitive));
            return new Update(join(withdrawn4, unreach), join(nlri4, reach), attributes, mpNextHop, treatAsWithdraw,
                    endOfRib, errors == null ? null : Collections.unmodifiableList(errors));
        }

        private static List<Nlri> join(List<Nlri> first, List<Nlri> second) {
            if (first == null || first.isEmpty()) {
                return second == null || second.isEmpty() ? List.of() : Collections.unmodifiableList(second);
            }
            if (second != null) {
                first.addAll(second);
            }
            return Collections.unmodifiableList(first);
        }

        /** RFC 6793 §4.2.3, on a session where the peer speaks 2-octet AS_PATH. */
        private void reconcileAs4() {
            if (as4Path == null && as4AggregatorAs < 0) {
                return;
            }
            if (aggregatorAs != null && aggregatorAs != Open.AS_TRANS) {
                // an OLD speaker aggregated after the AS4 attributes were written: they are stale
                if (as4AggregatorAs >= 0) {
                    discard("AS4_AGGREGATOR ignored, AGGREGATOR is not AS_TRANS");
                }
                if (as4Path != null) {
                    discard("AS4_PATH ignored, AGGREGATOR is not AS_TRANS");
                }
                return;
            }
            if (as4AggregatorAs >= 0) {
                if (aggregatorAs == null) {
                    discard("AS4_AGGREGATOR without AGGREGATOR");
                } else {
                    aggregatorAs = as4AggregatorAs;
                    aggregatorAddress = as4AggregatorAddress;
                }
            }
            if (as4Path != null && asPath != null) {
                List<AsPathSegment> merged = mergeAs4Path(asPath, as4Path);
                if (merged == null) {
                    discard("AS4_PATH ignored, longer than AS_PATH");
                } else {
                    asPath = merged;
                }
            }
        }
    }

    /**
     * RFC 6793 §4.2.3: keep as many leading ASes of AS_PATH as it has more than AS4_PATH (sets counting 1,
     * confederation segments 0 and always kept, AS4_PATH never carrying them), then append AS4_PATH. {@code null}
     * when AS4_PATH is the longer, in which case it is ignored.
     */
    static List<AsPathSegment> mergeAs4Path(List<AsPathSegment> path, List<AsPathSegment> as4) {
        int take = pathLength(path) - pathLength(as4);
        if (take < 0) {
            return null;
        }
        List<AsPathSegment> out = new ArrayList<>(path.size() + as4.size());
        for (AsPathSegment s : path) {
            if (s.confed()) {
                out.add(s);
            } else if (take == 0) {
                continue;
            } else if (s.set()) {
                out.add(s);
                take--;
            } else if (s.asns().length <= take) {
                out.add(s);
                take -= s.asns().length;
            } else {
                out.add(new AsPathSegment(false, Arrays.copyOf(s.asns(), take)));
                take = 0;
            }
        }
        int from = 0;
        if (!out.isEmpty() && !as4.isEmpty()) {
            AsPathSegment last = out.get(out.size() - 1);
            AsPathSegment first = as4.get(0);
            if (!last.set() && !last.confed() && !first.set()) {
                // two adjacent AS_SEQUENCEs are one sequence; joining keeps the text and equality natural
                long[] joined = Arrays.copyOf(last.asns(), last.asns().length + first.asns().length);
                System.arraycopy(first.asns(), 0, joined, last.asns().length, first.asns().length);
                out.set(out.size() - 1, new AsPathSegment(false, joined));
                from = 1;
            }
        }
        out.addAll(as4.subList(from, as4.size()));
        return List.copyOf(out);
    }

    private static int pathLength(List<AsPathSegment> path) {
        int n = 0;
        for (AsPathSegment s : path) {
            n += s.pathLength();
        }
        return n;
    }
}
