package dev.docklab.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.docklab.engine.api.EngineException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Docker's seccomp format converted to the OCI spec's, as Docker's daemon converts it. */
class SeccompProfileTest {
  private static final List<String> CAPS = OciSpec.DEFAULT_CAPABILITIES;
  private static final String PROFILE = """
      {"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 38,
       "archMap": [{"architecture": "SCMP_ARCH_X86_64", "subArchitectures": ["SCMP_ARCH_X86", "SCMP_ARCH_X32"]},
                   {"architecture": "SCMP_ARCH_AARCH64", "subArchitectures": ["SCMP_ARCH_ARM"]}],
       "syscalls": [
         {"names": ["read", "write", "unshare", "mount"], "action": "SCMP_ACT_ALLOW", "args": [], "comment": "",
          "includes": {}, "excludes": {}},
         {"names": ["arch_prctl"], "action": "SCMP_ACT_ALLOW", "includes": {"arches": ["amd64", "x32"]}},
         {"names": ["set_tls"], "action": "SCMP_ACT_ALLOW", "includes": {"arches": ["arm", "arm64"]}},
         {"names": ["chroot"], "action": "SCMP_ACT_ALLOW", "includes": {"caps": ["CAP_SYS_CHROOT"]}},
         {"names": ["acct"], "action": "SCMP_ACT_ALLOW", "includes": {"caps": ["CAP_SYS_PACCT"]}},
         {"names": ["acct"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1, "excludes": {"caps": ["CAP_SYS_PACCT"]}},
         {"names": ["ptrace"], "action": "SCMP_ACT_ALLOW", "includes": {"minKernel": "4.8"}},
         {"name": "personality", "action": "SCMP_ACT_ALLOW",
          "args": [{"index": 0, "value": 4294967295, "op": "SCMP_CMP_EQ"}]}
       ]}""";

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rules(Map<String, Object> oci) {
    return (List<Map<String, Object>>) oci.get("syscalls");
  }

  /** Every name the rules with {@code action} name. */
  private static List<String> named(Map<String, Object> oci, String action) {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> r : rules(oci)) {
      if (r.get("action").equals(action)) {
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) r.get("names");
        out.addAll(names);
      }
    }
    return out;
  }

  @Nested
  class Conversion {
    private final Map<String, Object> amd64 = SeccompProfile.parse(PROFILE).toOci(CAPS, "amd64", "6.1.0-18-amd64");

    @Test
    void keepsTheDefaultActionAndTakesTheHostsArchitectureFromTheMap() {
      assertEquals("SCMP_ACT_ERRNO", amd64.get("defaultAction"));
      assertEquals(38, amd64.get("defaultErrnoRet"));
      assertEquals(List.of("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"), amd64.get("architectures"));
      Map<String, Object> arm = SeccompProfile.parse(PROFILE).toOci(CAPS, "arm64", "6.1.0");
      assertEquals(List.of("SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM"), arm.get("architectures"));
    }

    @Test
    void rulesApplyOnlyOnTheirArchitectures() {
      assertTrue(named(amd64, "SCMP_ACT_ALLOW").contains("arch_prctl"));
      assertFalse(named(amd64, "SCMP_ACT_ALLOW").contains("set_tls"));
    }

    @Test
    void rulesApplyOnlyWithTheirCapabilities() {
      assertTrue(named(amd64, "SCMP_ACT_ALLOW").contains("chroot"), "CAP_SYS_CHROOT is a default capability");
      assertFalse(named(amd64, "SCMP_ACT_ALLOW").contains("acct"));
      assertEquals(List.of("acct"), named(amd64, "SCMP_ACT_ERRNO"), "refused without CAP_SYS_PACCT");
    }

    @Test
    void rulesApplyFromTheirKernelOn() {
      assertTrue(named(amd64, "SCMP_ACT_ALLOW").contains("ptrace"));
      Map<String, Object> old = SeccompProfile.parse(PROFILE).toOci(CAPS, "amd64", "4.4.0-210-generic");
      assertFalse(named(old, "SCMP_ACT_ALLOW").contains("ptrace"));
    }

    @Test
    void theOldSingleNameAndArgumentsCarryOver() {
      Map<String, Object> personality = rules(amd64).stream().filter(r -> r.get("names").equals(List.of("personality")))
          .findFirst().orElseThrow();
      @SuppressWarnings("unchecked")
      Map<String, Object> arg = ((List<Map<String, Object>>) personality.get("args")).get(0);
      assertEquals("4294967295", arg.get("value").toString());
      assertEquals("0", arg.get("valueTwo").toString());
      assertEquals("SCMP_CMP_EQ", arg.get("op"));
      assertEquals(9, SeccompProfile.syscallCount(amd64), "read write unshare mount arch_prctl chroot acct ptrace "
          + "personality, acct once");
    }

    @Test
    void aProfileThatSetsNothingMeansNoFilter() {
      assertNull(SeccompProfile.parse("{}").toOci(CAPS, "amd64", "6.1"));
    }
  }

  @Nested
  class DockersSysAdminRule {
    private final SeccompProfile profile = SysAdminRule.apply(SeccompProfile.parse(PROFILE));

    @Test
    void withoutCapSysAdminNamespacesAndMountsAreRefusedWithEperm() {
      Map<String, Object> oci = profile.toOci(CAPS, "amd64", "6.1");
      assertFalse(named(oci, "SCMP_ACT_ALLOW").contains("unshare"));
      assertFalse(named(oci, "SCMP_ACT_ALLOW").contains("mount"));
      assertTrue(named(oci, "SCMP_ACT_ALLOW").containsAll(List.of("read", "write")));
      Map<String, Object> refusal = rules(oci).stream().filter(r -> ((List<?>) r.get("names")).contains("unshare"))
          .findFirst().orElseThrow();
      assertEquals("SCMP_ACT_ERRNO", refusal.get("action"));
      assertEquals(1, refusal.get("errnoRet"));
    }

    @Test
    void withCapSysAdminTheyAreAllowed() {
      List<String> caps = new ArrayList<>(CAPS);
      caps.add("CAP_SYS_ADMIN");
      Map<String, Object> oci = profile.toOci(caps, "amd64", "6.1");
      assertTrue(named(oci, "SCMP_ACT_ALLOW").containsAll(List.of("unshare", "mount")));
      assertFalse(named(oci, "SCMP_ACT_ERRNO").contains("unshare"));
    }

    @Test
    void cloneStaysAllowedWithoutNamespaceFlagsAndClone3FallsBackToIt() {
      SeccompProfile withClone = SysAdminRule.apply(SeccompProfile.parse("""
          {"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [
            {"names": ["clone", "clone3", "read"], "action": "SCMP_ACT_ALLOW"}]}"""));
      Map<String, Object> oci = withClone.toOci(CAPS, "amd64", "6.1");
      List<Map<String, Object>> clone = rules(oci).stream().filter(r -> r.get("names").equals(List.of("clone")))
          .toList();
      assertEquals(1 + SysAdminRule.NAMESPACE_FLAGS.length, clone.size(), "one allow, one EPERM per flag, on x86");
      @SuppressWarnings("unchecked")
      Map<String, Object> allow = ((List<Map<String, Object>>) clone.get(0).get("args")).get(0);
      assertEquals(0, allow.get("index"));
      assertEquals("2114060288", allow.get("value").toString(), "Docker's mask of the namespace flags");
      assertEquals("SCMP_CMP_MASKED_EQ", allow.get("op"));
      Map<String, Object> clone3 = rules(oci).stream().filter(r -> r.get("names").equals(List.of("clone3")))
          .findFirst().orElseThrow();
      assertEquals(38, clone3.get("errnoRet"), "ENOSYS, so that the C library uses clone");
    }
  }

  @Nested
  class BadProfiles {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"defaultAction\": |Decoding seccomp profile failed: ",
        "{\"defaultAction\": \"SCMP_ACT_MAYBE\"}|Decoding seccomp profile failed: unknown action SCMP_ACT_MAYBE",
        "{\"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_ALLOW\"}]}|Decoding seccomp profile failed: it "
            + "has rules but no defaultAction",
        "{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"syscalls\": [{\"name\": \"read\", \"names\": [\"write\"], "
            + "\"action\": \"SCMP_ACT_ALLOW\"}]}|use either 'name' or 'names'",
        "{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"architectures\": [\"SCMP_ARCH_X86_64\"], \"archMap\": "
            + "[{\"architecture\": \"SCMP_ARCH_X86_64\"}]}|both 'architectures' and 'archMap' are specified"})
    void areRefusedInOneLine(String json, String message) {
      EngineException e = assertThrows(EngineException.class, () -> SeccompProfile.parse(json));
      assertTrue(e.getMessage().startsWith(message), e.getMessage());
      assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
  }

  @Test
  void theMaintainedProfileConvertsForThisHost() throws Exception {
    assumeTrue(Files.isRegularFile(SecurityProfiles.DEFAULT_SECCOMP), "golang-github-containers-common installed");
    SeccompProfile p = SysAdminRule.apply(SeccompProfile.parse(Files.readString(SecurityProfiles.DEFAULT_SECCOMP)));
    Map<String, Object> oci = p.toOci(CAPS, SeccompArches.host(), "6.1.0");
    assertTrue(SeccompProfile.syscallCount(oci) > 300, String.valueOf(SeccompProfile.syscallCount(oci)));
    assertFalse(named(oci, "SCMP_ACT_ALLOW").contains("unshare"));
    assertTrue(named(oci, "SCMP_ACT_ALLOW").containsAll(List.of("read", "execve", "socket", "clone")));
  }

  @ParameterizedTest
  @CsvSource({"6.1.0-18-amd64,4.8,true", "4.8.0,4.8,true", "4.7.10,4.8,false", "3.10.0-1160.el7,4.8,false",
      "5.15.0-91-generic,5.16,false"})
  void kernelVersionsCompareAsNumbers(String kernel, String min, boolean atLeast) {
    assertEquals(atLeast, SeccompArches.kernelAtLeast(kernel, min));
  }
}
