package dev.docklab.engine.network;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * One iptables rule that docklab keeps on the host for a bridge, commented {@code docklab: ...}.
 *
 * @param table the iptables table
 * @param chain its chain
 * @param first whether it goes first in the chain (a drop must come before the host's own accepts)
 * @param spec its matches and target
 */
record HostRule(String table, String chain, boolean first, List<String> spec) {

  /**
   * The rules a bridge needs: masquerade for traffic leaving its subnet (Docker's {@code -s
   * 172.17.0.0/16 ! -o docker0 -j MASQUERADE}); forwarding to and from it even where the host's
   * FORWARD policy drops; and nothing from it into the host's 127.0.0.0/8 unless it belongs to a
   * published port's DNATed connection. portmap sets route_localnet on the bridge so that
   * {@code localhost:PORT} works, which also lets a container with CAP_NET_RAW send to 127.0.0.1
   * through the gateway (CVE-2020-8558): this is the rule Kubernetes added for it, for this bridge,
   * and for any source, since no legitimate packet from a bridge comes from 127.0.0.0/8.
   */
  static List<HostRule> forBridge(String device, Subnet subnet) {
    return List.of(
        new HostRule("nat", "POSTROUTING", false, List.of("-s", subnet.toString(), "!", "-o", device,
            "-m", "comment", "--comment", "docklab: containers on " + device + " reach the outside", "-j", "MASQUERADE")),
        new HostRule("filter", "FORWARD", false, List.of("-o", device,
            "-m", "comment", "--comment", "docklab: into " + device, "-j", "ACCEPT")),
        new HostRule("filter", "FORWARD", false, List.of("-i", device,
            "-m", "comment", "--comment", "docklab: out of " + device, "-j", "ACCEPT")),
        new HostRule("filter", "INPUT", true, List.of("-i", device, "-d", "127.0.0.0/8",
            "-m", "conntrack", "!", "--ctstate", "RELATED,ESTABLISHED,DNAT",
            "-m", "comment", "--comment", "docklab: " + device + " may not reach the host on 127.0.0.0/8",
            "-j", "DROP")));
  }

  /** Adds the rule unless it is there already. */
  void ensure() {
    if (HostCommands.run(command("-C")).code() == 0) {
      return;
    }
    HostCommands.Result r = HostCommands.run(command(first ? "-I" : "-A"));
    if (r.code() != 0) {
      throw EngineException.system(EngineMessage.HOST_RULE_FAILED, null, table, r.output());
    }
  }

  /** Removes the rule, every copy of it. */
  void delete() {
    while (HostCommands.run(command("-D")).code() == 0) {
      // a rule added twice goes twice
    }
  }

  private List<String> command(String op) {
    List<String> cmd = new ArrayList<>(List.of("iptables", "-w", "-t", table, op, chain));
    if (op.equals("-I")) {
      cmd.add("1");
    }
    cmd.addAll(spec);
    return cmd;
  }
}
