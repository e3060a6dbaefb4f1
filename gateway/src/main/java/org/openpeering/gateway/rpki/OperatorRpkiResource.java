package org.openpeering.gateway.rpki;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.openpeering.gateway.arm.BackendDeadline;
import org.openpeering.gateway.arm.Backends;
import org.openpeering.gateway.auth.Access;
import org.openpeering.gateway.auth.Role;
import org.openpeering.proto.telemetry.v1.MutinyRpkiServiceGrpc;
import org.openpeering.proto.telemetry.v1.ReloadRpkiRequest;
import org.openpeering.proto.telemetry.v1.RpkiStatus;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/** The operator reloads telemetry-service's RPKI data (VRP file, RTR cache) and sees what is loaded. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorRpkiResource {

    private final MutinyRpkiServiceGrpc.MutinyRpkiServiceStub stub;
    private final BackendDeadline deadline;

    public OperatorRpkiResource(@GrpcClient("telemetry") MutinyRpkiServiceGrpc.MutinyRpkiServiceStub stub,
            BackendDeadline deadline) {
        this.stub = stub;
        this.deadline = deadline;
    }

    @Access({ Role.OPERATOR })
    @POST
    @Path("operator/v1/rpki/reload")
    public Uni<ObjectNode> reload() {
        return Backends.call("telemetry-service", deadline.on(stub).reloadRpki(ReloadRpkiRequest.getDefaultInstance()))
                .map(OperatorRpkiResource::toJson);
    }

    static ObjectNode toJson(RpkiStatus s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("source", s.getSource());
        o.put("vrps", s.getVrps());
        o.put("duplicates", s.getDuplicates());
        o.put("rejected", s.getRejected());
        if (s.getRtrVersion() >= 0) {
            o.put("rtrVersion", s.getRtrVersion());
            o.put("rtrSerial", s.getRtrSerial());
        }
        o.put("loadedAt", s.getLoadedAt());
        var problems = o.putArray("problems");
        s.getProblemsList().forEach(problems::add);
        return o;
    }
}
