package dev.docklab.daemon.wire;

import dev.docklab.engine.api.Containers;
import dev.docklab.engine.api.Explain;
import dev.docklab.engine.api.HubAdmin;
import dev.docklab.engine.api.Images;
import dev.docklab.engine.api.Networks;
import dev.docklab.engine.api.Progress;
import dev.docklab.engine.api.Registries;
import dev.docklab.engine.api.SystemService;
import dev.docklab.engine.api.Volumes;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Which of the engine's services and methods a call may name: the service by its name in the path, the
 * method by its name and number of arguments (the abstract one: default methods run on the caller's side),
 * and which arguments are callbacks that travel as frames rather than as JSON.
 */
public final class Calls {
  /** The services by the name a call's path gives them. */
  public static final Map<String, Class<?>> SERVICES = Map.of("images", Images.class, "containers",
      Containers.class, "networks", Networks.class, "volumes", Volumes.class, "registries", Registries.class,
      "system", SystemService.class, "explain", Explain.class, "hub", HubAdmin.class);

  private Calls() {}

  /** The name of {@code service} in a call's path. */
  public static String name(Class<?> service) {
    return SERVICES.entrySet().stream().filter(e -> e.getValue() == service).map(Map.Entry::getKey).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a service of the engine: " + service.getName()));
  }

  /** The abstract method {@code name} of {@code service} that takes {@code arity} arguments. */
  public static Optional<Method> method(Class<?> service, String name, int arity) {
    return Arrays.stream(service.getMethods())
        .filter(m -> m.getName().equals(name) && m.getParameterCount() == arity && !m.isDefault()
            && !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class)
        .findFirst();
  }

  /** Whether an argument of this type is a callback, called through frames of the answer. */
  public static boolean callback(Class<?> type) {
    return type == Progress.class || type == Consumer.class || type == BiConsumer.class
        || type == BooleanSupplier.class || type == OutputStream.class;
  }

  /** The index of the argument that is the request's body stream, or -1. */
  public static int bodyStream(Method m) {
    Class<?>[] types = m.getParameterTypes();
    for (int i = 0; i < types.length; i++) {
      if (types[i] == InputStream.class) {
        return i;
      }
    }
    return -1;
  }
}
