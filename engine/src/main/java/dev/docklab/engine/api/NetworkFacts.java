package dev.docklab.engine.api;

import java.util.List;

/**
 * Live facts for {@code explain network}: what the container's own network namespace holds, how
 * it is wired to the host, and the kernel rules that publish its ports.
 *
 * @param container the container's name
 * @param mode bridge, host or none
 * @param namespace the network namespace's path on the host ({@code /run/netns/docklab-ID}), or how
 *     it is held when it has no name
 * @param interfaces inside the namespace, one per line as {@code ip -o addr} shows them: name and address
 * @param routes the routing table inside, as {@code ip route} shows it
 * @param hostVeth the host end of the veth pair whose other end is eth0
 * @param bridge the bridge the host end is plugged into
 * @param bridgeAddress the bridge's address, the container's gateway, with its prefix
 * @param ports the published ports ({@code 0.0.0.0:8080->80/tcp})
 * @param natRules the kernel's DNAT rules that send the host's ports to the container
 */
public record NetworkFacts(String container, String mode, String namespace, List<String> interfaces,
    List<String> routes, String hostVeth, String bridge, String bridgeAddress, List<String> ports,
    List<String> natRules) {}
