package org.openpeering.testsupport.bgp;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/**
 * gobgpd as the operator's edge router (BGP-LAB.md): it accepts a partner's BGP session and streams BMP (pre-policy,
 * post-policy and Loc-RIB) to the collector's station.
 */
public final class GoBgpBmpRouter extends Daemon {

    private final int apiPort;
    private final int bgpPort;

    public GoBgpBmpRouter(String routerAddress, long asn, String partnerAddress, long partnerAsn, String stationAddress,
            int stationPort) throws IOException, InterruptedException {
        super("gobgp-bmp");
        require("gobgpd", "gobgp");
        apiPort = freePort();
        bgpPort = freePort();
        String conf = """
                [global.config]
                  as = %d
                  router-id = "%s"
                  port = %d
                  local-address-list = ["%s"]
                [[bmp-servers]]
                  [bmp-servers.config]
                    address = "%s"
                    port = %d
                    route-monitoring-policy = "all"
                    statistics-timeout = 15
                [[neighbors]]
                  [neighbors.config]
                    neighbor-address = "%s"
                    peer-as = %d
                  [neighbors.transport.config]
                    local-address = "%s"
                    passive-mode = true
                  [[neighbors.afi-safis]]
                    [neighbors.afi-safis.config]
                      afi-safi-name = "ipv4-unicast"
                """.formatted(asn, routerAddress, bgpPort, routerAddress, stationAddress, stationPort, partnerAddress,
                partnerAsn, routerAddress);
        Files.writeString(dir.resolve("gobgpd.toml"), conf);
        start(List.of(which("gobgpd"), "-f", dir.resolve("gobgpd.toml").toString(), "--api-hosts",
                "127.0.0.1:" + apiPort, "--pprof-disable", "-p"));
        awaitReady("gobgpd start", () -> {
            gobgp(apiPort, List.of("global"));
            return true;
        });
    }

    /** The port partners connect to. */
    public int bgpPort() {
        return bgpPort;
    }
}
