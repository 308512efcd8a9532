import java.util.*;

public class ClassCast {
    static class Animal {
    }

    static class Dog extends Animal {
        String bark() {
            return "woof";
        }
    }

    static class Cat extends Animal {
    }

    public static void main(String[] args) {
        Animal a = new Cat();
        try {
            Dog d = (Dog) a;
            System.out.println(d.bark());
        } catch (ClassCastException e) {
            System.out.println("cannot cast Cat to Dog");
        }
        Object o = Integer.valueOf(3);
        try {
            String s = (String) o;
            System.out.println(s);
        } catch (ClassCastException e) {
            System.out.println("cannot cast Integer to String");
        }
        List raw = new ArrayList();
        raw.add("str");
        @SuppressWarnings("unchecked")
        List<Integer> ints = raw;
        try {
            int x = ints.get(0);
            System.out.println(x);
        } catch (ClassCastException e) {
            System.out.println("heap pollution caught");
        }
        Animal dog = new Dog();
        System.out.println(((Dog) dog).bark() + " " + (dog instanceof Dog) + " " + (a instanceof Dog) + " " + (null instanceof Object));
        System.out.println(a.getClass().getSimpleName() + " " + dog.getClass().getName());
    }
}
