import java.util.ArrayDeque;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;

/** LinkedList's list iterator walking backwards edits other positions; ArrayDeque.reversed().toString(). */
public class DiffListEdits {
    public static void main(String[] args) {
        LinkedList<String> list = new LinkedList<>(List.of("a", "b", "c", "d"));
        ListIterator<String> it = list.listIterator(list.size());
        it.previous();
        it.set("D");
        it.previous();
        it.add("x");
        it.previous();
        it.set("X");
        System.out.println(list);
        System.out.println(new ArrayDeque<>(List.of(1)).reversed().toString());
        System.out.println("end of DiffListEdits");
    }
}
