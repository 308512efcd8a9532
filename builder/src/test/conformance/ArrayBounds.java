public class ArrayBounds {
    public static void main(String[] args) {
        int[] a = new int[3];
        for (int i : new int[] {0, 2, 3, -1}) {
            try {
                a[i] = i;
                System.out.println("stored " + i);
            } catch (ArrayIndexOutOfBoundsException e) {
                System.out.println("bounds " + i);
            }
        }
        try {
            "abc".charAt(5);
        } catch (StringIndexOutOfBoundsException e) {
            System.out.println("string index");
        } catch (IndexOutOfBoundsException e) {
            System.out.println("string index (IOOBE)");
        }
        try {
            new java.util.ArrayList<Integer>().get(0);
        } catch (IndexOutOfBoundsException e) {
            System.out.println("list index");
        }
        try {
            int[] neg = new int[Integer.parseInt("-1")];
            System.out.println(neg.length);
        } catch (NegativeArraySizeException e) {
            System.out.println("negative size");
        }
        try {
            Object[] objs = new String[1];
            objs[0] = Integer.valueOf(1);
        } catch (ArrayStoreException e) {
            System.out.println("array store");
        }
        int[][] grid = new int[3][4];
        grid[2][3] = 7;
        System.out.println(grid.length + " " + grid[0].length + " " + grid[2][3] + " " + java.util.Arrays.deepToString(new int[][] {{1}, {2, 3}}));
    }
}
