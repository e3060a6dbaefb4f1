package org.openpeering.partner.peering;

import java.math.BigInteger;
import java.util.Set;

import org.openpeering.common.DomainException;
import org.openpeering.partner.catalogue.Addresses;

/** The operator's pool of session addresses: hands out the lowest free /31 (IPv4) or /127 (IPv6). */
public final class AddressPool {

    private final Addresses.Prefix pool;
    private final int length;

    public AddressPool(String prefix) {
        this.pool = Addresses.prefix(prefix);
        if (pool == null) {
            throw new IllegalArgumentException("The session address pool is not a canonical prefix: " + prefix);
        }
        this.length = pool.network().v6() ? 127 : 31;
        if (pool.length() > length) {
            throw new IllegalArgumentException("The session address pool " + prefix + " is smaller than one session");
        }
    }

    public String text() {
        return pool.text();
    }

    /**
     * The first free session prefix; {@code taken} holds the allocated prefixes as {@link Addresses.Prefix#text()}.
     * Its operator address is the first of the two, the peer's the second.
     */
    public Addresses.Prefix allocate(Set<String> taken, String target) {
        BigInteger step = BigInteger.TWO;
        BigInteger end = pool.size();
        for (BigInteger offset = BigInteger.ZERO; offset.compareTo(end) < 0; offset = offset.add(step)) {
            Addresses.Prefix candidate = new Addresses.Prefix(pool.at(offset), length);
            if (!taken.contains(candidate.text())) {
                return candidate;
            }
            if (offset.bitLength() > 24) {
                break;
            }
        }
        throw DomainException.conflict("The operator's session address pool " + pool.text()
                + " is exhausted; " + target + " cannot be allocated.");
    }
}
