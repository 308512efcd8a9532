/**
 * Class.forName of a name written in the program: the class is found, initialised once, and is the
 * class its literal names; a name that is no class in the image throws ClassNotFoundException.
 */
public class ReflectForName {
    static class Plugin {
        static int loaded;

        static {
            loaded++;
            System.out.println("Plugin initialised");
        }

        static String hello() {
            return "hello from " + Plugin.class.getSimpleName();
        }
    }

    public static void main(String[] args) throws Exception {
        System.out.println("before forName");
        Class<?> c = Class.forName("ReflectForName$Plugin");
        System.out.println(c.getName() + " " + (c == Plugin.class) + " " + Plugin.loaded);
        System.out.println(Class.forName("ReflectForName$Plugin") == c);
        System.out.println(Plugin.hello() + " " + Plugin.loaded);
        System.out.println(Class.forName("java.lang.String").getSimpleName());
        try {
            Class.forName("NoSuchClassAnywhere");
            System.out.println("found?");
        } catch (ClassNotFoundException e) {
            // (its message: HotSpot's is the name, the image's null: a known difference, DiffForNameMessage)
            System.out.println(e.getClass().getName());
        }
    }
}
