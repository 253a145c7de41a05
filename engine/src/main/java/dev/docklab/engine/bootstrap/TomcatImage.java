package dev.docklab.engine.bootstrap;

import java.util.List;

/**
 * The tutorial's {@code tomcat} image: Debian's own tomcat10 package installed on the {@code debian}
 * image by docklab's {@code docker build}, one RUN that becomes the second layer, as a Docker user would
 * write it. Tomcat runs in the foreground ({@code catalina.sh run}) on port 8080 and logs its start to the
 * container's output, so {@code docker logs} shows it. It is Debian's tomcat10 (Tomcat 10.1 in bookworm),
 * not Docker Hub's official tomcat image, and its search description says so.
 */
public final class TomcatImage {
  public static final String NAME = "tomcat";
  public static final List<String> TAGS = List.of("10", "10.1", "latest");

  /**
   * The Dockerfile. Debian's tomcat10 keeps its code in CATALINA_HOME and its instance (conf, webapps with
   * Debian's "It works" page, logs) in CATALINA_BASE; its systemd unit, which a container does not run,
   * would set the temp dir, so the ENV does.
   */
  public static final String DOCKERFILE = """
      FROM debian:latest
      LABEL org.opencontainers.image.title="tomcat" \\
            org.opencontainers.image.description="Debian's tomcat10 package on docklab's debian image"
      RUN apt-get update \\
          && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends tomcat10 \\
          && rm -rf /var/lib/apt/lists/*
      ENV CATALINA_HOME=/usr/share/tomcat10 CATALINA_BASE=/var/lib/tomcat10 CATALINA_TMPDIR=/tmp
      WORKDIR /var/lib/tomcat10
      EXPOSE 8080
      CMD ["/usr/share/tomcat10/bin/catalina.sh", "run"]
      """;

  private TomcatImage() {}

  /** What the hub's catalogue says of it: honestly Debian's tomcat10, not Docker Hub's image. */
  public static HubCatalogue.Entry entry() {
    return new HubCatalogue.Entry("library/" + NAME, NAME + ":latest", List.of("latest", "10", "10.1"),
        "Debian's tomcat10 package (Apache Tomcat 10.1) on docklab's debian image, port 8080; made by docklab "
            + "images add tomcat", 3700, true, false);
  }
}
