import java.util.*;

public class LangArrays {
    static int sum(int[][] m) {
        int s = 0;
        for (int[] row : m) {
            for (int v : row) {
                s += v;
            }
        }
        return s;
    }

    public static void main(String[] args) {
        int[][] jagged = new int[4][];
        for (int i = 0; i < jagged.length; i++) {
            jagged[i] = new int[i + 1];
            for (int j = 0; j <= i; j++) {
                jagged[i][j] = i * 10 + j;
            }
        }
        System.out.println(Arrays.deepToString(jagged) + " " + sum(jagged));
        int[][][] cube = new int[2][3][4];
        cube[1][2][3] = 7;
        System.out.println(cube.length + " " + cube[0].length + " " + cube[0][0].length + " " + Arrays.deepToString(cube[1]));
        long[][] partial = new long[3][];
        System.out.println(partial[0] + " " + Arrays.deepToString(partial));
        char[] chars = {'k', 'i', 'l', 'n'};
        char[] copy = chars.clone();
        copy[0] = 'K';
        System.out.println(new String(chars) + " " + String.valueOf(copy) + " " + (chars != copy) + " " + Arrays.equals(chars, copy));
        int[][] shallow = jagged.clone();
        shallow[0][0] = 99;
        shallow[1] = new int[] {-1};
        System.out.println(jagged[0][0] + " " + Arrays.toString(jagged[1]) + " " + Arrays.toString(shallow[1]));
        Object[] objs = new String[2];
        try {
            objs[0] = "fine";
            objs[1] = 42;
        } catch (ArrayStoreException e) {
            System.out.println("ArrayStoreException " + e.getMessage());
        }
        Number[] nums = new Integer[] {1, 2};
        try {
            nums[0] = 1.5;
        } catch (ArrayStoreException e) {
            System.out.println("ArrayStoreException " + e.getMessage());
        }
        try {
            int[] neg = new int[-1];
            System.out.println(neg.length);
        } catch (NegativeArraySizeException e) {
            System.out.println("NegativeArraySizeException " + e.getMessage());
        }
        int[] a = {5, 3, 9, 1, 7};
        int[] b = Arrays.copyOf(a, 7);
        int[] c = Arrays.copyOfRange(a, 1, 3);
        System.arraycopy(a, 0, a, 1, 4);
        System.out.println(Arrays.toString(a) + " " + Arrays.toString(b) + " " + Arrays.toString(c));
        Integer[] boxed = {3, 1, 2};
        Object[] asObjects = boxed;
        System.out.println(asObjects.getClass().getSimpleName() + " " + boxed.getClass().getName() + " " + new int[0][0].getClass().getName()
                + " " + int[].class.getComponentType() + " " + String[][].class.getSimpleName() + " " + (asObjects instanceof Integer[]));
        boolean[] flags = new boolean[3];
        double[] ds = new double[2];
        String[] strs = new String[2];
        char[] cz = new char[1];
        System.out.println(Arrays.toString(flags) + Arrays.toString(ds) + Arrays.toString(strs) + (int) cz[0]);
        int[] filled = new int[6];
        Arrays.fill(filled, 2, 5, 8);
        Arrays.setAll(ds, i -> i * 0.5);
        System.out.println(Arrays.toString(filled) + " " + Arrays.toString(ds) + " " + Arrays.hashCode(filled) + " " + Arrays.deepHashCode(jagged)
                + " " + Arrays.equals(new int[][] {{1}}, new int[][] {{1}}) + " " + Arrays.deepEquals(new int[][] {{1}}, new int[][] {{1}}));
        var list = Arrays.asList(boxed);
        boxed[0] = 30;
        System.out.println(list);
        try {
            list.add(4);
        } catch (UnsupportedOperationException e) {
            System.out.println("Arrays.asList is fixed-size");
        }
        int[] big = new int[100];
        for (int i = 0; i < big.length; i++) {
            big[i] = (i * 37) % 101;
        }
        Arrays.sort(big);
        System.out.println(Arrays.binarySearch(big, 74) + " " + Arrays.binarySearch(big, 1000) + " " + Arrays.stream(big).sum() + " " + big[50]);
        String[][] table = {{"id", "name"}, {"1", "ann"}, {"2", "bob"}};
        for (String[] row : table) {
            System.out.println(String.join(" | ", row));
        }
        var matrix = new double[][] {{1, 2}, {3, 4}};
        double[][] t = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                t[j][i] = matrix[i][j];
            }
        }
        System.out.println(Arrays.deepToString(t) + " " + Arrays.toString(new Object[] {null, "s", 1, new int[0].length}));
    }
}
