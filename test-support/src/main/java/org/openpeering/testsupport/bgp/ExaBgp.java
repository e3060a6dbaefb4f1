package org.openpeering.testsupport.bgp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** ExaBGP as a partner router: static routes from its configuration, more through lines appended to a feed file. */
public final class ExaBgp extends Daemon {

    public ExaBgp(String localAddress, long asn, String collectorAddress, long collectorAsn, int collectorPort,
            List<String> staticRoutes) throws IOException {
        super("exabgp");
        require("exabgp");
        Files.createDirectories(dir.resolve("etc/exabgp"));
        Files.writeString(dir.resolve("etc/exabgp/exabgp.env"), """
                [exabgp.daemon]
                drop = false
                user = 'root'
                daemonize = false
                [exabgp.log]
                destination = 'stdout'
                [exabgp.api]
                respawn = false
                """);
        Files.writeString(dir.resolve("cmds.txt"), "");
        Files.writeString(dir.resolve("feed.sh"), "#!/bin/sh\ncat > /dev/null &\nexec timeout 600 tail -n +1 -F \"$1\"\n");
        dir.resolve("feed.sh").toFile().setExecutable(true);
        StringBuilder routes = new StringBuilder();
        for (String r : staticRoutes) {
            routes.append("        route ").append(r).append(";\n");
        }
        String conf = """
                process feed {
                    run %s %s;
                    encoder text;
                }
                neighbor %s {
                    router-id %s;
                    local-address %s;
                    local-as %d;
                    peer-as %d;
                    connect %d;
                    hold-time 30;
                    family { ipv4 unicast; ipv6 unicast; }
                    api feedapi { processes [ feed ]; }
                    static {
                %s    }
                }
                """.formatted(dir.resolve("feed.sh"), dir.resolve("cmds.txt"), collectorAddress, localAddress,
                localAddress, asn, collectorAsn, collectorPort, routes);
        Files.writeString(dir.resolve("exabgp.conf"), conf);
        start(List.of(which("exabgp"), "--root", dir.toString(), dir.resolve("exabgp.conf").toString()));
    }

    /** Appends an API line such as {@code announce route 203.0.113.0/25 next-hop self as-path [ 64501 64505 ]}. */
    public void command(String line) throws IOException {
        Files.writeString(dir.resolve("cmds.txt"), line + "\n", StandardOpenOption.APPEND);
    }
}
