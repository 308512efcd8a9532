import java.io.FileInputStream;
import java.io.IOException;

/** java.io's exception messages are TeaVM's: no "PATH (No such file or directory)". */
public class DiffFileMessages {
    public static void main(String[] args) {
        try (FileInputStream in = new FileInputStream("/tmp/no-such-dir/no-such-file")) {
            System.out.println("opened");
        } catch (IOException e) {
            System.out.println(e.getClass().getName() + ": " + e.getMessage());
        }
        System.out.println("end of DiffFileMessages");
    }
}
