package dev.docklab.engine.container;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Resources;
import dev.docklab.engine.api.UpdateRequest;
import dev.docklab.engine.runtime.CgroupSupport;
import dev.docklab.engine.runtime.OciRuntime;
import dev.docklab.engine.runtime.ResourceRules;
import java.util.List;

/**
 * {@code docker update}: new limits and restart policy for a container, checked as Docker's
 * {@code daemon/update.go} checks them, applied at once to a running container's cgroup by the runtime, then
 * saved in its record (atomically, as every record).
 */
final class ContainerUpdater {
  private final ContainerStore store;
  private final OciRuntime runtime;
  private final CgroupSupport support;

  ContainerUpdater(ContainerStore store, OciRuntime runtime, CgroupSupport support) {
    this.store = store;
    this.runtime = runtime;
    this.support = support;
  }

  /** Updates the container {@code c} (under the service's lock); returns Docker's warnings. */
  List<String> update(Container c, UpdateRequest u) {
    Container.HostConfig h = c.hostConfig();
    if (u.restartPolicy() != null && h.autoRemove() && !u.restartPolicy().name().equals("no")) {
      throw EngineException.conflict("Cannot update container " + c.id()
          + ": Restart policy cannot be updated because AutoRemove is enabled for the container");
    }
    Resources.Builder b = c.resources().toBuilder();
    long memory = h.memory();
    if (b.memorySwap == 0 && memory > 0) {
      b.memorySwap = 2 * memory; // the swap Docker recorded at create: as much again
    }
    if (u.memory() != null && u.memory() != 0) {
      if (u.memory() > b.memorySwap && b.memorySwap > 0 && u.memorySwap() == null) {
        throw EngineException.conflict("Cannot update container " + c.id() + ": Memory limit should be smaller "
            + "than already set memoryswap limit, update the memoryswap at the same time");
      }
      memory = u.memory() < 0 ? 0 : u.memory();
    }
    if (u.memorySwap() != null && u.memorySwap() != 0) {
      b.memorySwap = u.memorySwap();
    }
    if (u.memoryReservation() != null && u.memoryReservation() != 0) {
      b.memoryReservation = u.memoryReservation();
    }
    if (u.nanoCpus() != null && u.nanoCpus() != 0) {
      b.nanoCpus = u.nanoCpus();
      b.cpuPeriod = 0; // as Docker: --cpus replaces a period and quota set before
      b.cpuQuota = 0;
    }
    if (u.cpuPeriod() != null && u.cpuPeriod() != 0) {
      b.cpuPeriod = u.cpuPeriod();
      b.nanoCpus = 0;
    }
    if (u.cpuQuota() != null && u.cpuQuota() != 0) {
      b.cpuQuota = u.cpuQuota();
      b.nanoCpus = 0;
    }
    if (u.cpuShares() != null && u.cpuShares() != 0) {
      b.cpuShares = u.cpuShares();
    }
    if (u.cpuRealtimePeriod() != null && u.cpuRealtimePeriod() != 0) {
      b.cpuRealtimePeriod = u.cpuRealtimePeriod();
    }
    if (u.cpuRealtimeRuntime() != null && u.cpuRealtimeRuntime() != 0) {
      b.cpuRealtimeRuntime = u.cpuRealtimeRuntime();
    }
    if (u.cpusetCpus() != null && !u.cpusetCpus().isEmpty()) {
      b.cpusetCpus = u.cpusetCpus();
    }
    if (u.cpusetMems() != null && !u.cpusetMems().isEmpty()) {
      b.cpusetMems = u.cpusetMems();
    }
    if (u.blkioWeight() != null && u.blkioWeight() != 0) {
      b.blkioWeight = u.blkioWeight();
    }
    long pids = h.pidsLimit();
    if (u.pidsLimit() != null && u.pidsLimit() != 0) {
      pids = u.pidsLimit() < 0 ? 0 : u.pidsLimit();
    }
    if (memory <= 0 && b.memorySwap > 0 && u.memory() != null) {
      b.memorySwap = -1; // no memory limit: no swap limit either
    }
    ResourceRules.Checked checked;
    try {
      checked = ResourceRules.check(b.build(), memory, support, true);
    } catch (EngineException e) {
      throw EngineException.invalid("Cannot update container " + c.id() + ": " + e.getMessage());
    }
    Resources r = checked.resources();
    if (c.state().running()) {
      try {
        runtime.update(c.id(), r, memory, pids, support.swapLimit());
      } catch (EngineException e) {
        throw EngineException.invalid("Cannot update container " + c.id() + ": " + e.getMessage());
      }
    }
    Container.HostConfig host = new Container.HostConfig(memory, pids, h.autoRemove(),
        u.restartPolicy() != null ? u.restartPolicy() : h.restartPolicy(), h.networkMode(), h.portBindings(),
        h.publishAll(), h.securityOpt());
    store.save(c.withResources(r, host));
    return checked.warnings();
  }
}
