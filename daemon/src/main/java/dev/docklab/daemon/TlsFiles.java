package dev.docklab.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * dockerd's TLS flags for TCP: the daemon's certificate and key ({@code --tlscert}, {@code --tlskey}, PEM),
 * and with {@code --tlsverify} the CA ({@code --tlscacert}) every client's certificate must be signed by.
 *
 * @param ca the CA certificates that sign the clients' certificates (null without verification)
 * @param cert the daemon's certificate chain
 * @param key the daemon's private key (PKCS#8, or PKCS#1 RSA as openssl writes them)
 * @param verify whether a client must show a certificate signed by {@code ca} ({@code --tlsverify})
 */
public record TlsFiles(Path ca, Path cert, Path key, boolean verify) {
  private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");
  private static final char[] PASSWORD = "docklab".toCharArray();

  /** Jetty's server-side TLS context for these files; fails with what is wrong with which file. */
  SslContextFactory.Server context() throws IOException {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("docklab", privateKey(key), PASSWORD, certificates(cert).toArray(new Certificate[0]));
      ssl.setKeyStore(keys);
      ssl.setKeyStorePassword(new String(PASSWORD));
      if (verify) {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        int i = 0;
        for (Certificate c : certificates(ca)) {
          trust.setCertificateEntry("ca" + i++, c);
        }
        ssl.setTrustStore(trust);
        ssl.setNeedClientAuth(true);
      }
    } catch (GeneralSecurityException e) {
      throw new IOException(e.getMessage(), e);
    }
    return ssl;
  }

  private static List<Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      List<Certificate> out = new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
      if (out.isEmpty()) {
        throw new IOException(file + " holds no certificate");
      }
      return out;
    }
  }

  /** A PEM private key: {@code PRIVATE KEY} (PKCS#8, RSA or EC) or {@code RSA PRIVATE KEY} (PKCS#1). */
  static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
    Matcher m = PEM.matcher(Files.readString(file));
    while (m.find()) {
      byte[] der = Base64.getMimeDecoder().decode(m.group(2));
      switch (m.group(1)) {
        case "PRIVATE KEY" -> {
          for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
              return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
              // try the next algorithm
            }
          }
          throw new IOException(file + ": a private key of an algorithm docklab does not know");
        }
        case "RSA PRIVATE KEY" -> {
          return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(rsaPkcs8(der)));
        }
        case "ENCRYPTED PRIVATE KEY" -> throw new IOException(file + " is encrypted: give the daemon a key "
            + "without a passphrase (openssl pkey -in KEY -out KEY.pem)");
        default -> {
          // a certificate or parameters beside the key
        }
      }
    }
    throw new IOException(file + " holds no PEM private key");
  }

  /** A PKCS#1 RSA key wrapped as PKCS#8: {@code SEQUENCE {0, {rsaEncryption, NULL}, OCTET STRING key}}. */
  private static byte[] rsaPkcs8(byte[] pkcs1) {
    byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
        0x01, 0x05, 0x00};
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0x02, 0x01, 0x00});
    body.writeBytes(algorithm);
    body.write(0x04);
    body.writeBytes(length(pkcs1.length));
    body.writeBytes(pkcs1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x30);
    out.writeBytes(length(body.size()));
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  private static byte[] length(int n) {
    if (n < 0x80) {
      return new byte[] {(byte) n};
    }
    if (n < 0x100) {
      return new byte[] {(byte) 0x81, (byte) n};
    }
    if (n < 0x10000) {
      return new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
    }
    return new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
  }
}
