import java.util.SplittableRandom;

/** SplittableRandom.nextGaussian uses the polar method in an image (the JDK: a ziggurat). */
public class DiffGaussian {
    public static void main(String[] args) {
        SplittableRandom r = new SplittableRandom(42);
        System.out.println(r.nextGaussian() + " " + r.nextGaussian());
        System.out.println("end of DiffGaussian");
    }
}
