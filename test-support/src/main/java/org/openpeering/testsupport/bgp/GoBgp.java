package org.openpeering.testsupport.bgp;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** gobgpd as a partner router speaking BGP to the collector (BGP-LAB.md), driven with the gobgp CLI. */
public final class GoBgp extends Daemon {

    private final int apiPort;

    public GoBgp(String localAddress, long asn, String collectorAddress, long collectorAsn, int collectorPort)
            throws IOException, InterruptedException {
        super("gobgp");
        require("gobgpd", "gobgp");
        apiPort = freePort();
        String conf = """
                [global.config]
                  as = %d
                  router-id = "%s"
                  port = -1
                [[neighbors]]
                  [neighbors.config]
                    neighbor-address = "%s"
                    peer-as = %d
                  [neighbors.timers.config]
                    connect-retry = 1
                    hold-time = 30
                    keepalive-interval = 10
                  [neighbors.graceful-restart.config]
                    enabled = true
                    restart-time = 120
                  [neighbors.transport.config]
                    local-address = "%s"
                    remote-port = %d
                  [[neighbors.afi-safis]]
                    [neighbors.afi-safis.config]
                      afi-safi-name = "ipv4-unicast"
                    [neighbors.afi-safis.mp-graceful-restart.config]
                      enabled = true
                  [[neighbors.afi-safis]]
                    [neighbors.afi-safis.config]
                      afi-safi-name = "ipv6-unicast"
                    [neighbors.afi-safis.mp-graceful-restart.config]
                      enabled = true
                """.formatted(asn, localAddress, collectorAddress, collectorAsn, localAddress, collectorPort);
        Files.writeString(dir.resolve("gobgpd.toml"), conf);
        start(List.of(which("gobgpd"), "-f", dir.resolve("gobgpd.toml").toString(), "--api-hosts",
                "127.0.0.1:" + apiPort, "--pprof-disable", "-p"));
        awaitReady("gobgpd start", () -> {
            gobgp(apiPort, List.of("global"));
            return true;
        });
    }

    public String cli(String... args) throws IOException, InterruptedException {
        return gobgp(apiPort, List.of(args));
    }

    /** {@code gobgp global rib add -a ipv4 PREFIX aspath A,B [community C]}; gobgp prepends its own AS. */
    public void announce(String prefix, String asPath, String community) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of("global", "rib", "add", "-a", prefix.contains(":") ? "ipv6" : "ipv4",
                prefix, "aspath", asPath, "origin", "igp"));
        if (prefix.contains(":")) {
            c.addAll(List.of("nexthop", "2001:db8:ffff::2"));
        }
        if (community != null) {
            c.addAll(List.of("community", community));
        }
        cli(c.toArray(String[]::new));
    }

    public void withdraw(String prefix) throws IOException, InterruptedException {
        cli("global", "rib", "del", "-a", prefix.contains(":") ? "ipv6" : "ipv4", prefix);
    }
}
