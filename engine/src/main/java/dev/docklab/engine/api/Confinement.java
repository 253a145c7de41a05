package dev.docklab.engine.api;

/**
 * How a running container is fenced in beyond its namespaces and capabilities: its seccomp filter
 * and its AppArmor profile, as {@code explain boot} shows them.
 *
 * @param seccompMode the {@code Seccomp:} field of its PID 1's {@code /proc/1/status}, read live: 2 under a
 *     filter, 0 without one
 * @param syscalls how many system calls the filter's rules name (0 without a filter)
 * @param defaultAction what the filter does with any other system call, e.g. {@code SCMP_ACT_ERRNO}
 * @param profile where the filter came from: the default profile's path, {@code unconfined}, or
 *     {@code custom} for a profile given with {@code --security-opt seccomp=FILE}
 * @param appArmorAvailable whether this host has AppArmor (its securityfs and {@code apparmor_parser})
 * @param appArmorProfile the AppArmor profile it runs under, or null for none
 */
public record Confinement(int seccompMode, int syscalls, String defaultAction, String profile,
    boolean appArmorAvailable, String appArmorProfile) {}
