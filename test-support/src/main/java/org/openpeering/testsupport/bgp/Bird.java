package org.openpeering.testsupport.bgp;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/** BIRD 2 as a partner router: static routes exported over BGP, an event protocol toggled with birdc. */
public final class Bird extends Daemon {

    public Bird(String localAddress, long asn, String collectorAddress, long collectorAsn, int collectorPort,
            List<String> routes, String hijackRoute) throws IOException, InterruptedException {
        super("bird");
        require("bird", "birdc");
        StringBuilder r = new StringBuilder();
        for (String route : routes) {
            r.append(route).append('\n');
        }
        Files.writeString(dir.resolve("routes4.conf"), r.toString());
        String conf = """
                router id %s;
                protocol device { }
                protocol static routes4 { ipv4;
                include "%s";
                }
                protocol static ev_hijack {
                  disabled; ipv4 { preference 250; };
                  %s
                }
                protocol bgp collector {
                  local %s port %d as %d;
                  neighbor %s port %d as %d;
                  strict bind yes;
                  multihop;
                  connect delay time 1;
                  connect retry time 2;
                  hold time 30;
                  ipv4 { import none; export all; };
                }
                """.formatted(localAddress, dir.resolve("routes4.conf"), hijackRoute, localAddress, freePort(), asn,
                collectorAddress, collectorPort, collectorAsn);
        Files.writeString(dir.resolve("bird.conf"), conf);
        start(List.of(which("bird"), "-f", "-c", dir.resolve("bird.conf").toString(), "-s",
                dir.resolve("bird.ctl").toString(), "-P", dir.resolve("bird.pid").toString()));
        awaitReady("bird start", () -> Files.exists(dir.resolve("bird.ctl")));
    }

    public String birdc(String... args) throws IOException, InterruptedException {
        List<String> c = new java.util.ArrayList<>(List.of(which("birdc"), "-s", dir.resolve("bird.ctl").toString()));
        c.addAll(List.of(args));
        return run(c);
    }
}
