package org.openpeering.gateway.irr;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.openpeering.gateway.arm.BackendDeadline;
import org.openpeering.gateway.arm.Backends;
import org.openpeering.gateway.auth.Access;
import org.openpeering.gateway.auth.Role;
import org.openpeering.proto.prefix.v1.IrrStatus;
import org.openpeering.proto.prefix.v1.MutinyIrrServiceGrpc;
import org.openpeering.proto.prefix.v1.ReloadIrrRequest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/** The operator reloads prefix-service's routing-registry (IRR) data and sees what is loaded. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorIrrResource {

    private final MutinyIrrServiceGrpc.MutinyIrrServiceStub stub;
    private final BackendDeadline deadline;

    public OperatorIrrResource(@GrpcClient("prefix") MutinyIrrServiceGrpc.MutinyIrrServiceStub stub,
            BackendDeadline deadline) {
        this.stub = stub;
        this.deadline = deadline;
    }

    @Access({ Role.OPERATOR })
    @POST
    @Path("operator/v1/irr/reload")
    public Uni<ObjectNode> reload() {
        return Backends.call("prefix-service", deadline.on(stub).reloadIrr(ReloadIrrRequest.getDefaultInstance()))
                .map(OperatorIrrResource::toJson);
    }

    @Access({ Role.OPERATOR })
    @GET
    @Path("operator/v1/irr")
    public Uni<ObjectNode> status() {
        return Backends.call("prefix-service", deadline.on(stub).getIrrStatus(ReloadIrrRequest.getDefaultInstance()))
                .map(OperatorIrrResource::toJson);
    }

    static ObjectNode toJson(IrrStatus s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        var sources = o.putArray("sources");
        s.getSourcesList().forEach(sources::add);
        o.put("routeObjects", s.getRouteObjects());
        o.put("rejected", s.getRejected());
        o.put("loadedAt", s.getLoadedAt());
        var problems = o.putArray("problems");
        s.getProblemsList().forEach(problems::add);
        return o;
    }
}
