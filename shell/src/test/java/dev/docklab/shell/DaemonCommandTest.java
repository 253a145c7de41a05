package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.daemon.ListenAddress;
import dev.docklab.daemon.TlsFiles;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.shell.i18n.Messages;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DaemonCommandTest {
  private final Messages en = new Messages(Messages.Lang.EN);

  @Test
  void servesTheDefaultSocketWhenNoAddressIsGiven() {
    assertEquals(List.of(ListenAddress.DEFAULT), DaemonCommand.addresses(List.of(), en));
  }

  @Test
  void takesSeveralAddresses() {
    List<ListenAddress> a = DaemonCommand.addresses(List.of("-H", "unix:///tmp/x.sock", "-H",
        "tcp://127.0.0.1:2375"), en);
    assertEquals("unix:///tmp/x.sock", a.get(0).toString());
    assertEquals("tcp://127.0.0.1:2375", a.get(1).toString());
  }

  @Test
  void refusesAnAddressOthersCanReachWithoutTls() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DaemonCommand.addresses(List.of("-H", "tcp://0.0.0.0:2375"), en));
    assertEquals("refusing to listen on tcp://0.0.0.0:2375: anyone who can reach it could run containers as root;"
        + " use 127.0.0.1, or TLS: --tlsverify --tlscacert CA --tlscert CERT --tlskey KEY", e.getMessage());
  }

  @Test
  void tlsNeedsItsFilesAndVerificationItsCa() {
    assertEquals("--tls and --tlsverify need the daemon certificate and its key: --tlscert CERT --tlskey KEY (PEM files)",
        assertThrows(IllegalArgumentException.class,
            () -> DaemonCommand.options(List.of("-H", "tcp://0.0.0.0:2376", "--tls"), en)).getMessage());
    assertEquals("--tlsverify needs --tlscacert CA: the certificate of the CA that signs the client certificates",
        assertThrows(IllegalArgumentException.class, () -> DaemonCommand.options(List.of("-H", "tcp://0.0.0.0:2376",
            "--tlsverify", "--tlscert", "c.pem", "--tlskey", "k.pem"), en)).getMessage());
  }

  @Test
  void anAddressOthersCanReachIsServedWithTls() {
    DaemonCommand.Options o = DaemonCommand.options(List.of("-H", "tcp://0.0.0.0:2376", "--tlsverify",
        "--tlscacert=ca.pem", "--tlscert", "cert.pem", "--tlskey", "key.pem"), en);
    assertEquals("tcp://0.0.0.0:2376", o.addresses().get(0).toString());
    assertEquals(new TlsFiles(Path.of("ca.pem"), Path.of("cert.pem"), Path.of("key.pem"), true), o.tls());
    assertEquals(new TlsFiles(null, Path.of("cert.pem"), Path.of("key.pem"), false), DaemonCommand.options(
        List.of("-H", "tcp://0.0.0.0:2376", "--tls", "--tlscert", "cert.pem", "--tlskey", "key.pem"), en).tls());
  }

  @Test
  void refusalIsOneLineAndStartsNoEngine() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = DaemonCommand.run(List.of("-H", "tcp://0.0.0.0:2375"), EngineOptions.at(Path.of("/nonexistent")),
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8), en);
    assertEquals(2, status);
    String said = err.toString(StandardCharsets.UTF_8);
    assertTrue(said.startsWith("docklab: refusing to listen on tcp://0.0.0.0:2375"), said);
    assertEquals(1, said.lines().count(), said);
  }
}
