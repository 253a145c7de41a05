package dev.docklab.engine.bootstrap;

import java.util.List;

/**
 * docklab's offline web server image for the lessons ({@code web}): busybox's {@code httpd} serving
 * one page on port 80, built FROM busybox with docklab's own builder, so its history shows the
 * Dockerfile a learner could have written. It stands in where a tutorial runs nginx or tomcat.
 */
public final class WebImage {
  public static final String NAME = "web";
  public static final List<String> TAGS = List.of("latest");

  /** What {@code docker history web} shows, step by step. */
  public static final String DOCKERFILE = """
      FROM busybox:latest
      LABEL org.opencontainers.image.title="web" \\
            org.opencontainers.image.description="busybox httpd serving /www on port 80, for docklab's lessons"
      COPY index.html /www/index.html
      COPY httpd-foreground /usr/local/bin/httpd-foreground
      EXPOSE 80
      CMD ["httpd-foreground"]
      """;

  /**
   * The command, as the official httpd image has one: busybox httpd as PID 1 would ignore SIGTERM (it
   * sets no handler for it, and PID 1 gets only handled signals), so {@code docker stop} would wait
   * 10 seconds and kill it. Run as a child, it is stopped at once. It logs its start and stop, and
   * httpd's {@code -v} each request, so {@code docker logs} after {@code run} shows a web server's log.
   */
  public static final String FOREGROUND_SCRIPT = """
      #!/bin/sh
      # busybox httpd as PID 1 ignores SIGTERM, so `docker stop` would wait 10 s and SIGKILL it.
      # Run as a child of this script, it stops as soon as the container is asked to.
      trap 'echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) httpd: stopping"; kill "$pid"; wait "$pid" 2>/dev/null; exit 0' TERM INT
      httpd -f -v -p 80 -h /www "$@" &
      pid=$!
      # A web server says when it is up; then -v logs each request (client, status) on stderr.
      echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) httpd: started (pid $pid), serving /www on port 80"
      wait "$pid"
      """;

  /** The page: in both languages a learner may read. */
  public static final String INDEX_HTML = """
      <!DOCTYPE html>
      <html>
      <head><meta charset="utf-8"><title>Welcome to docklab's web image</title></head>
      <body>
      <h1>Welcome to docklab's web image!</h1>
      <p>This page comes from busybox httpd inside a container, through the port you published.</p>
      <h1>欢迎使用 docklab 的 web 镜像！</h1>
      <p>这个页面来自容器里的 busybox httpd，经由你发布的端口送到这里。</p>
      </body>
      </html>
      """;

  private WebImage() {}
}
