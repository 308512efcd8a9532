package hello;

/** The smallest Kiln app: `./kiln run examples/hello` prints this from inside a VM. */
public class Hello {
    public static void main(String[] args) {
        System.out.println("Hello from a Kiln unikernel!");
    }
}
