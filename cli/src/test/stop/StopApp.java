import dev.kiln.metrics.Counter;
import dev.kiln.metrics.Metrics;

/**
 * How a program ends, for GracefulStopTest: built into a native image and run on HotSpot, it must
 * print the same and end with the same status either way. Every mode registers a shutdown hook
 * that prints a line, counts in a Kiln metric, then:
 *   wait    prints "ready" and sleeps in a loop until a stop request or SIGTERM (143, hook runs)
 *   exit    System.exit(3) (hook runs)
 *   return  main returns with no thread left (0, hook runs)
 *   throw   main throws (1, hook runs after the report)
 *   halt    Runtime.halt(4) (the hook does not run)
 *   rules   HotSpot's rules for hooks: a second registration and a started thread are refused,
 *           a removed hook does not run
 */
public class StopApp {
    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "wait";
        Counter ticks = Metrics.counter("stop_app_ticks");
        Thread hook = new Thread(() -> {
            System.out.println("shutdown hook ran (" + mode + "), ticks " + (ticks.value() > 0));
        });
        Runtime.getRuntime().addShutdownHook(hook);
        ticks.add(5);
        System.out.println("ready");
        switch (mode) {
            case "wait" -> {
                while (true) {
                    Thread.sleep(20);
                    ticks.increment();
                }
            }
            case "exit" -> System.exit(3);
            case "return" -> System.out.println("main returns");
            case "throw" -> throw new IllegalStateException("main threw");
            case "halt" -> Runtime.getRuntime().halt(4);
            case "rules" -> {
                try {
                    Runtime.getRuntime().addShutdownHook(hook);
                } catch (IllegalArgumentException e) {
                    System.out.println("again: " + e.getMessage());
                }
                Thread other = new Thread(() -> System.out.println("the removed hook ran"));
                Runtime.getRuntime().addShutdownHook(other);
                System.out.println("removed: " + Runtime.getRuntime().removeShutdownHook(other)
                        + " " + Runtime.getRuntime().removeShutdownHook(other));
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
    }
}
