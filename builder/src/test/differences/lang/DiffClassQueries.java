import java.util.Arrays;

/** Class: isLocalClass of a local class, isEnum of an enum constant with a body, the simple name of Arrays.asList's class. */
public class DiffClassQueries {
    enum Op {
        PLUS {
            @Override
            int apply(int a, int b) {
                return a + b;
            }
        };

        abstract int apply(int a, int b);
    }

    public static void main(String[] args) {
        class Local {
        }
        System.out.println("isLocalClass " + Local.class.isLocalClass());
        System.out.println("isEnum of a constant with a body " + Op.PLUS.getClass().isEnum());
        System.out.println("Arrays.asList simple name " + Arrays.asList(1, 2).getClass().getSimpleName());
        System.out.println("end of DiffClassQueries");
    }
}
