package org.openpeering.partner.peerasn;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.exception.ConstraintViolationException;
import org.openpeering.common.DomainException;
import org.openpeering.service.PageTokens;
import org.openpeering.service.PeeringConfig;
import org.openpeering.service.AsnRules;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The rules of peer ASN registration (DOMAIN.md §1). */
@ApplicationScoped
public class PeerAsnService {

    static final List<String> ROLES = List.of("Noc", "Policy", "Technical", "Service", "Escalation", "Other");
    private static final Pattern PEER_NAME = Pattern.compile("[A-Za-z ]{1,128}");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final Pattern PHONE = Pattern.compile("[0-9+()./ -]{0,32}");

    /** A stored registration and whether this call created it. */
    public record PutResult(PeerAsn peerAsn, boolean created) {
    }

    /** One page of a list and where the next one starts (null on the last page). */
    public record Page(List<PeerAsn> items, String nextAfter) {
    }

    private final PeerAsnRepository repository;
    private final AsnRules asnRules;
    private final PeeringConfig config;

    public PeerAsnService(PeerAsnRepository repository, PeeringConfig config) {
        this.repository = repository;
        this.config = config;
        this.asnRules = new AsnRules(config.operatorAsn(), config.reservedAsns(),
                config.allowDocumentationResources());
    }

    @WithTransaction
    public Uni<PutResult> put(PeerAsnInput in) {
        List<ContactDetail> contacts = validate(in);
        return repository.findByName(in.subscriptionId(), in.name())
                .invoke(existing -> in.precondition().check(existing == null ? null : existing.version))
                .chain(existing -> repository.findByAsn(in.peerAsn()).chain(owner -> {
                    if (owner != null && (existing == null || !owner.id.equals(existing.id))) {
                        return Uni.createFrom().failure(asnTaken(in, owner));
                    }
                    return existing == null ? create(in, contacts) : replace(existing, in, contacts);
                }))
                .onFailure(ConstraintViolationException.class)
                .transform(e -> DomainException.conflict("ASN " + in.peerAsn() + " is already registered."));
    }

    private Uni<PutResult> create(PeerAsnInput in, List<ContactDetail> contacts) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        PeerAsn p = new PeerAsn();
        p.subscriptionId = in.subscriptionId();
        p.name = in.name();
        p.peerAsn = in.peerAsn();
        p.peerName = in.peerName();
        p.contacts = new ArrayList<>(contacts);
        // Only the operator moves a registration on from Pending; what a client sends is ignored.
        p.validationState = "Pending";
        p.errorMessage = null;
        p.version = 1;
        p.createdAt = now;
        p.updatedAt = now;
        return repository.persistAndFlush(p).replaceWith(new PutResult(p, true));
    }

    private Uni<PutResult> replace(PeerAsn p, PeerAsnInput in, List<ContactDetail> contacts) {
        if (p.peerAsn == in.peerAsn()) {
            return update(p, in, contacts);
        }
        // the ASN of existing peerings cannot change (DOMAIN.md §1), not even through their peer ASN
        return dependents(p).chain(names -> {
            if (!names.isEmpty()) {
                return Uni.createFrom().failure(DomainException.badArgument("properties.peerAsn",
                        "The peerAsn cannot change while peerings use it (" + String.join(", ", names) + ")."));
            }
            return update(p, in, contacts);
        });
    }

    /** The peerings (resource group/name) that refer to the registration. */
    private Uni<List<String>> dependents(PeerAsn p) {
        return repository.getSession().chain(s -> s.createNativeQuery("select resource_group || '/' || name from peering"
                + " where peer_asn_id = :id order by 1 limit 20", String.class).setParameter("id", p.id).getResultList());
    }

    private Uni<PutResult> update(PeerAsn p, PeerAsnInput in, List<ContactDetail> contacts) {
        if (p.peerAsn != in.peerAsn()) {
            // A different ASN is a different network: its approval does not carry over.
            p.validationState = "Pending";
            p.errorMessage = null;
        }
        p.peerAsn = in.peerAsn();
        p.peerName = in.peerName();
        p.contacts.clear();
        p.contacts.addAll(contacts);
        p.version++;
        p.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return repository.flush().replaceWith(new PutResult(p, false));
    }

    /** The operator's decision; null when the registration does not exist. */
    @WithTransaction
    public Uni<PeerAsn> decide(String subscriptionId, String name, String state, String errorMessage) {
        if (!state.equals("Approved") && !state.equals("Failed")) {
            throw DomainException.badArgument("validationState", "The validation state must be Approved or Failed.");
        }
        String message = errorMessage == null || errorMessage.isBlank() ? null : errorMessage.trim();
        if (state.equals("Failed") && message == null) {
            throw DomainException.badArgument("errorMessage",
                    "A rejection needs an errorMessage that tells the partner what to fix.");
        }
        if (message != null && message.length() > 1000) {
            throw DomainException.badArgument("errorMessage", "The errorMessage is longer than 1000 characters.");
        }
        return repository.findByName(subscriptionId, name).onItem().ifNotNull().transformToUni(p -> {
            p.validationState = state;
            p.errorMessage = state.equals("Approved") ? null : message;
            p.version++;
            p.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return repository.flush().replaceWith(p);
        });
    }

    @WithSession
    public Uni<PeerAsn> get(String subscriptionId, String name) {
        return repository.findByName(subscriptionId, name);
    }

    /** Deletes the registration; true when it existed. */
    @WithTransaction
    public Uni<Boolean> delete(String subscriptionId, String name, Precondition precondition) {
        return repository.findByName(subscriptionId, name)
                .invoke(existing -> precondition.check(existing == null ? null : existing.version))
                .chain(existing -> existing == null
                        ? Uni.createFrom().item(false)
                        : dependents(existing).chain(names -> {
                            if (!names.isEmpty()) {
                                return Uni.createFrom().failure(DomainException.conflict("peerAsns/" + existing.name
                                        + " is used by peerings " + String.join(", ", names)
                                        + "; delete them first."));
                            }
                            return repository.delete(existing).replaceWith(true);
                        }));
    }

    @WithSession
    public Uni<Page> list(String subscriptionId, String after, int requestedSize) {
        int size = PageTokens.size(requestedSize, config.pageSize());
        return repository.page(subscriptionId, after, size + 1).map(rows -> rows.size() > size
                ? new Page(rows.subList(0, size), rows.get(size - 1).name)
                : new Page(rows, null));
    }

    private DomainException asnTaken(PeerAsnInput in, PeerAsn owner) {
        if (!owner.subscriptionId.equals(in.subscriptionId())) {
            // Another tenant's registration: say that it exists, never whose it is.
            return DomainException.conflict("ASN " + in.peerAsn() + " is already registered by another subscription.");
        }
        return DomainException.conflict("ASN " + in.peerAsn() + " is already registered as peerAsns/" + owner.name + ".");
    }

    /** Checks the client's fields; returns the contacts with canonical roles. */
    List<ContactDetail> validate(PeerAsnInput in) {
        if (in.peerAsn() == null) {
            throw DomainException.badArgument("properties.peerAsn", "The peerAsn is required.");
        }
        String reason = asnRules.rejectionReason(in.peerAsn());
        if (reason != null) {
            throw DomainException.badArgument("properties.peerAsn",
                    "The peerAsn must be a public ASN: " + reason + ".");
        }
        if (in.peerName() == null || in.peerName().isBlank() || !PEER_NAME.matcher(in.peerName()).matches()) {
            throw DomainException.badArgument("properties.peerName",
                    "The peerName must consist of ASCII letters and spaces only (1 to 128 characters).");
        }
        if (in.contacts() == null || in.contacts().isEmpty()) {
            throw DomainException.badArgument("properties.peerContactDetail",
                    "At least one contact is required in peerContactDetail.");
        }
        List<ContactDetail> out = new ArrayList<>();
        for (int i = 0; i < in.contacts().size(); i++) {
            ContactDetail c = in.contacts().get(i);
            String at = "properties.peerContactDetail[" + i + "]";
            String role = canonicalRole(c.role);
            if (role == null) {
                throw DomainException.badArgument(at + ".role",
                        "The contact role must be one of " + String.join(", ", ROLES) + ".");
            }
            if (c.email == null || !EMAIL.matcher(c.email).matches()) {
                throw DomainException.badArgument(at + ".email", "The contact e-mail address is not valid.");
            }
            String phone = c.phone == null || c.phone.isBlank() ? null : c.phone.trim();
            if (phone != null && !PHONE.matcher(phone).matches()) {
                throw DomainException.badArgument(at + ".phone", "The contact phone number is not valid.");
            }
            out.add(new ContactDetail(role, c.email, phone));
        }
        return out;
    }

    private static String canonicalRole(String role) {
        if (role == null) {
            return null;
        }
        String lower = role.toLowerCase(Locale.ROOT);
        return ROLES.stream().filter(r -> r.toLowerCase(Locale.ROOT).equals(lower)).findFirst().orElse(null);
    }
}
