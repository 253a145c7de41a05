package dev.docklab.daemon.client;

import dev.docklab.daemon.wire.Calls;
import dev.docklab.engine.api.HubAdmin;
import dev.docklab.engine.api.Started;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * One service of the api ({@code images()}, {@code containers()}...) as a client of the served engine:
 * default methods run here, as on the engine's own side; a container's stdio goes through Docker's attach
 * route; every other method is a call of the daemon's generic route.
 */
final class RemoteService implements InvocationHandler {
  private final String name;
  private final RemoteCalls calls;

  private RemoteService(String name, RemoteCalls calls) {
    this.name = name;
    this.calls = calls;
  }

  /** {@code type} (one of the api's services) over {@code calls}. */
  static <T> T of(Class<T> type, RemoteCalls calls) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        new RemoteService(Calls.name(type), calls)));
  }

  @Override
  public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
    if (m.getDeclaringClass() == Object.class) {
      return switch (m.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> "docklab " + name + " served on " + calls.socket();
      };
    }
    if (m.isDefault()) {
      return InvocationHandler.invokeDefault(proxy, m, args);
    }
    if (name.equals("containers") && m.getName().equals("attach")) {
      return RemoteAttachment.open(calls.socket(), (String) args[0], calls);
    }
    if (name.equals("containers") && m.getName().equals("start") && (Boolean) args[1]) {
      // as docker start -a: attach first, so that no output of the start is lost
      RemoteAttachment a = RemoteAttachment.open(calls.socket(), (String) args[0], calls);
      try {
        Started s = (Started) calls.call(name, m, new Object[] {args[0], false});
        return new Started(s.container(), a);
      } catch (RuntimeException e) {
        a.close();
        throw e;
      }
    }
    if (name.equals("registries") && m.getName().equals("hub")) {
      return of(HubAdmin.class, calls);
    }
    if (name.equals("hub") && m.getName().equals("close")) {
      return null; // the daemon opens and closes the hub's store for each call
    }
    return calls.call(name, m, args);
  }
}
