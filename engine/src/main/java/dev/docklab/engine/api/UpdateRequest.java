package dev.docklab.engine.api;

/**
 * {@code docker update}'s settings: each field null where not given, else the new value as Docker's
 * {@code UpdateConfig} carries it (memory 0 with swap -1 lifts the limit).
 *
 * @param memory {@code -m}, in bytes
 * @param memorySwap {@code --memory-swap}: memory plus swap in bytes, -1 for unlimited swap
 * @param pidsLimit {@code --pids-limit}, 0 or less for none
 * @param restartPolicy {@code --restart}
 */
public record UpdateRequest(Long nanoCpus, Long cpuShares, Long cpuPeriod, Long cpuQuota, Long cpuRealtimePeriod,
    Long cpuRealtimeRuntime, String cpusetCpus, String cpusetMems, Long memory, Long memoryReservation,
    Long memorySwap, Long pidsLimit, Integer blkioWeight, RestartPolicy restartPolicy) {
  /** Nothing to change. */
  public static final UpdateRequest NONE = new UpdateRequest(null, null, null, null, null, null, null, null, null,
      null, null, null, null, null);

  /** Whether nothing is asked. */
  public boolean empty() {
    return equals(NONE);
  }
}
