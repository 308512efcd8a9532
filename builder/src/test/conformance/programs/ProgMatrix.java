import java.util.*;

public class ProgMatrix {
    record Matrix(int rows, int cols, double[][] a) {
        static Matrix of(double[][] a) {
            return new Matrix(a.length, a[0].length, a);
        }

        static Matrix identity(int n) {
            double[][] a = new double[n][n];
            for (int i = 0; i < n; i++) {
                a[i][i] = 1;
            }
            return of(a);
        }

        Matrix times(Matrix o) {
            if (cols != o.rows) {
                throw new IllegalArgumentException("shapes " + rows + "x" + cols + " and " + o.rows + "x" + o.cols);
            }
            double[][] r = new double[rows][o.cols];
            for (int i = 0; i < rows; i++) {
                for (int k = 0; k < cols; k++) {
                    for (int j = 0; j < o.cols; j++) {
                        r[i][j] += a[i][k] * o.a[k][j];
                    }
                }
            }
            return of(r);
        }

        Matrix transpose() {
            double[][] r = new double[cols][rows];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    r[j][i] = a[i][j];
                }
            }
            return of(r);
        }

        double determinant() {
            int n = rows;
            double[][] m = new double[n][];
            for (int i = 0; i < n; i++) {
                m[i] = a[i].clone();
            }
            double det = 1;
            for (int c = 0; c < n; c++) {
                int p = c;
                for (int r = c + 1; r < n; r++) {
                    if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
                        p = r;
                    }
                }
                if (m[p][c] == 0) {
                    return 0;
                }
                if (p != c) {
                    double[] t = m[p];
                    m[p] = m[c];
                    m[c] = t;
                    det = -det;
                }
                det *= m[c][c];
                for (int r = c + 1; r < n; r++) {
                    double f = m[r][c] / m[c][c];
                    for (int k = c; k < n; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
            return det;
        }

        Matrix inverse() {
            int n = rows;
            double[][] m = new double[n][2 * n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(a[i], 0, m[i], 0, n);
                m[i][n + i] = 1;
            }
            for (int c = 0; c < n; c++) {
                int p = c;
                for (int r = c + 1; r < n; r++) {
                    if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
                        p = r;
                    }
                }
                if (Math.abs(m[p][c]) < 1e-12) {
                    throw new ArithmeticException("singular matrix");
                }
                double[] t = m[p];
                m[p] = m[c];
                m[c] = t;
                double piv = m[c][c];
                for (int k = 0; k < 2 * n; k++) {
                    m[c][k] /= piv;
                }
                for (int r = 0; r < n; r++) {
                    if (r != c) {
                        double f = m[r][c];
                        for (int k = 0; k < 2 * n; k++) {
                            m[r][k] -= f * m[c][k];
                        }
                    }
                }
            }
            double[][] inv = new double[n][n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(m[i], n, inv[i], 0, n);
            }
            return of(inv);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (double[] row : a) {
                for (double v : row) {
                    sb.append(String.format("%9.4f", v + 0.0));
                }
                sb.append('\n');
            }
            return sb.toString();
        }
    }

    static long[][] mul(long[][] x, long[][] y, long mod) {
        long[][] r = new long[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                for (int k = 0; k < 2; k++) {
                    r[i][j] = (r[i][j] + x[i][k] * y[k][j]) % mod;
                }
            }
        }
        return r;
    }

    static long fibMod(long n, long mod) {
        long[][] result = {{1, 0}, {0, 1}}, base = {{1, 1}, {1, 0}};
        while (n > 0) {
            if ((n & 1) == 1) {
                result = mul(result, base, mod);
            }
            base = mul(base, base, mod);
            n >>= 1;
        }
        return result[0][1];
    }

    public static void main(String[] args) {
        Matrix m = Matrix.of(new double[][] {{4, 7, 2}, {3, 6, 1}, {2, 5, 3}});
        Matrix v = Matrix.of(new double[][] {{1}, {2}, {3}});
        System.out.print("M\n" + m + "M^T\n" + m.transpose() + "M*v\n" + m.times(v));
        System.out.println("det " + m.determinant());
        Matrix inv = m.inverse();
        System.out.print("inverse\n" + inv + "M*inverse\n" + m.times(inv));
        Matrix hilbert = Matrix.of(new double[5][5]);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                hilbert.a()[i][j] = 1.0 / (i + j + 1);
            }
        }
        System.out.println("hilbert det " + hilbert.determinant());
        System.out.print("hilbert inverse\n" + hilbert.inverse());
        try {
            Matrix.of(new double[][] {{1, 2}, {2, 4}}).inverse();
        } catch (ArithmeticException e) {
            System.out.println(e.getMessage());
        }
        try {
            m.times(m.times(v).transpose());
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        Matrix rot = Matrix.of(new double[][] {{Math.cos(Math.PI / 6), -Math.sin(Math.PI / 6)}, {Math.sin(Math.PI / 6), Math.cos(Math.PI / 6)}});
        Matrix p = Matrix.identity(2);
        for (int i = 0; i < 12; i++) {
            p = p.times(rot);
        }
        System.out.print("rotation^12\n" + p);
        System.out.println(Arrays.deepToString(rot.a()));
        System.out.println("fib(90) " + fibMod(90, Long.MAX_VALUE) + " fib(10^18) mod 1e9+7 " + fibMod(1_000_000_000_000_000_000L, 1_000_000_007));
        int[][] spiral = new int[5][6];
        int top = 0, bottom = 4, left = 0, right = 5, k = 1;
        while (top <= bottom && left <= right) {
            for (int j = left; j <= right; j++) spiral[top][j] = k++;
            top++;
            for (int i = top; i <= bottom; i++) spiral[i][right] = k++;
            right--;
            if (top <= bottom) {
                for (int j = right; j >= left; j--) spiral[bottom][j] = k++;
                bottom--;
            }
            if (left <= right) {
                for (int i = bottom; i >= top; i--) spiral[i][left] = k++;
                left++;
            }
        }
        for (int[] row : spiral) {
            System.out.println(Arrays.toString(row));
        }
    }
}
