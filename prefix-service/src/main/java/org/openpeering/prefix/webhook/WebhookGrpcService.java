package org.openpeering.prefix.webhook;

import org.openpeering.common.DomainException;
import org.openpeering.proto.prefix.v1.DeleteResponse;
import org.openpeering.proto.prefix.v1.ListWebhookDeliveriesRequest;
import org.openpeering.proto.prefix.v1.ListWebhookDeliveriesResponse;
import org.openpeering.proto.prefix.v1.ListWebhooksRequest;
import org.openpeering.proto.prefix.v1.ListWebhooksResponse;
import org.openpeering.proto.prefix.v1.PutWebhookRequest;
import org.openpeering.proto.prefix.v1.PutWebhookResponse;
import org.openpeering.proto.prefix.v1.Webhook;
import org.openpeering.proto.prefix.v1.WebhookDelivery;
import org.openpeering.proto.prefix.v1.WebhookRef;
import org.openpeering.proto.prefix.v1.WebhookService;
import org.openpeering.service.PageTokens;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** gRPC face of webhooks; the secret is accepted on PUT and never returned. */
@GrpcService
public class WebhookGrpcService implements WebhookService {

    private final Webhooks webhooks;

    public WebhookGrpcService(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public Uni<PutWebhookResponse> putWebhook(PutWebhookRequest r) {
        return Uni.createFrom().deferred(() -> webhooks.put(r.getWebhook(), r.getPrecondition()))
                .map(e -> PutWebhookResponse.newBuilder().setWebhook(e.getKey()).setCreated(e.getValue()).build());
    }

    @Override
    public Uni<Webhook> getWebhook(WebhookRef r) {
        return webhooks.get(r.getSubscriptionId(), r.getName()).onItem().ifNull().failWith(() -> notFound(r.getName()));
    }

    @Override
    public Uni<DeleteResponse> deleteWebhook(WebhookRef r) {
        return webhooks.delete(r.getSubscriptionId(), r.getName(), r.getPrecondition())
                .map(existed -> DeleteResponse.newBuilder().setExisted(existed).build());
    }

    @Override
    public Uni<ListWebhooksResponse> listWebhooks(ListWebhooksRequest r) {
        return Uni.createFrom().item(() -> PageTokens.decode(r.getPageToken()))
                .chain(after -> webhooks.list(r.getSubscriptionId(), after, r.getPageSize()))
                .map(page -> ListWebhooksResponse.newBuilder().addAllWebhooks(page.items())
                        .setNextPageToken(PageTokens.encode(page.nextPosition())).build());
    }

    @Override
    public Uni<ListWebhookDeliveriesResponse> listWebhookDeliveries(ListWebhookDeliveriesRequest r) {
        return Uni.createFrom().item(() -> PageTokens.decode(r.getPageToken()))
                .chain(after -> webhooks.deliveries(r.getSubscriptionId(), r.getName(), after, r.getPageSize()))
                .onItem().ifNull().failWith(() -> notFound(r.getName()))
                .map(page -> ListWebhookDeliveriesResponse.newBuilder().setFound(true).addAllDeliveries(page.items())
                        .setNextPageToken(PageTokens.encode(page.nextPosition())).build());
    }

    @Override
    public Uni<WebhookDelivery> pingWebhook(WebhookRef r) {
        return webhooks.ping(r.getSubscriptionId(), r.getName()).onItem().ifNull().failWith(() -> notFound(r.getName()));
    }

    private static DomainException notFound(String name) {
        return DomainException.notFound("The Resource 'Microsoft.Peering/webhooks/" + name + "' was not found.");
    }
}
