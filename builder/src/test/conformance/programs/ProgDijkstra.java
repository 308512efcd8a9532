import java.util.*;

public class ProgDijkstra {
    record Edge(String to, int weight) {
    }

    static final Map<String, List<Edge>> graph = new TreeMap<>();

    static void edge(String a, String b, int w) {
        graph.computeIfAbsent(a, k -> new ArrayList<>()).add(new Edge(b, w));
        graph.computeIfAbsent(b, k -> new ArrayList<>()).add(new Edge(a, w));
    }

    record State(String node, int dist) {
    }

    static Map<String, Integer> dijkstra(String src, Map<String, String> prev) {
        Map<String, Integer> dist = new TreeMap<>();
        for (String n : graph.keySet()) {
            dist.put(n, Integer.MAX_VALUE);
        }
        dist.put(src, 0);
        PriorityQueue<State> pq = new PriorityQueue<>(Comparator.comparingInt(State::dist).thenComparing(State::node));
        pq.add(new State(src, 0));
        List<String> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (!pq.isEmpty()) {
            State s = pq.poll();
            if (!done.add(s.node())) {
                continue;
            }
            order.add(s.node());
            for (Edge e : graph.get(s.node())) {
                int nd = s.dist() + e.weight();
                if (nd < dist.get(e.to())) {
                    dist.put(e.to(), nd);
                    prev.put(e.to(), s.node());
                    pq.add(new State(e.to(), nd));
                }
            }
        }
        System.out.println("settled in order " + order);
        return dist;
    }

    static List<String> path(Map<String, String> prev, String to) {
        LinkedList<String> p = new LinkedList<>();
        for (String at = to; at != null; at = prev.get(at)) {
            p.addFirst(at);
        }
        return p;
    }

    static List<String> bfs(String src) {
        List<String> order = new ArrayList<>();
        Deque<String> q = new ArrayDeque<>(List.of(src));
        Set<String> seen = new LinkedHashSet<>(List.of(src));
        while (!q.isEmpty()) {
            String n = q.poll();
            order.add(n);
            for (Edge e : graph.get(n)) {
                if (seen.add(e.to())) {
                    q.add(e.to());
                }
            }
        }
        return order;
    }

    static void dfs(String n, Set<String> seen, List<String> out) {
        if (!seen.add(n)) {
            return;
        }
        out.add(n);
        for (Edge e : graph.get(n)) {
            dfs(e.to(), seen, out);
        }
    }

    public static void main(String[] args) {
        edge("Amsterdam", "Berlin", 655);
        edge("Amsterdam", "Brussels", 210);
        edge("Brussels", "Paris", 300);
        edge("Paris", "Lyon", 465);
        edge("Lyon", "Geneva", 150);
        edge("Geneva", "Milan", 330);
        edge("Berlin", "Prague", 350);
        edge("Prague", "Vienna", 330);
        edge("Vienna", "Milan", 870);
        edge("Berlin", "Munich", 585);
        edge("Munich", "Vienna", 435);
        edge("Munich", "Zurich", 315);
        edge("Zurich", "Geneva", 280);
        edge("Zurich", "Milan", 280);
        edge("Paris", "Zurich", 610);
        edge("Brussels", "Cologne", 210);
        edge("Cologne", "Berlin", 575);
        edge("Cologne", "Munich", 575);
        edge("Oslo", "Stockholm", 520);
        Map<String, String> prev = new HashMap<>();
        Map<String, Integer> dist = dijkstra("Amsterdam", prev);
        dist.forEach((k, v) -> System.out.println(k + " " + (v == Integer.MAX_VALUE ? "unreachable" : v + " via " + path(prev, k))));
        System.out.println("BFS " + bfs("Milan"));
        List<String> d = new ArrayList<>();
        dfs("Oslo", new HashSet<>(), d);
        System.out.println("DFS from Oslo " + d);
        d.clear();
        dfs("Vienna", new TreeSet<>(), d);
        System.out.println("DFS from Vienna " + d);
        int n = graph.size();
        List<String> names = new ArrayList<>(graph.keySet());
        long[][] fw = new long[n][n];
        for (int i = 0; i < n; i++) {
            Arrays.fill(fw[i], Long.MAX_VALUE / 4);
            fw[i][i] = 0;
            for (Edge e : graph.get(names.get(i))) {
                fw[i][names.indexOf(e.to())] = e.weight();
            }
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    fw[i][j] = Math.min(fw[i][j], fw[i][k] + fw[k][j]);
                }
            }
        }
        long diameter = 0;
        String ends = "";
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (fw[i][j] < Long.MAX_VALUE / 4 && fw[i][j] > diameter) {
                    diameter = fw[i][j];
                    ends = names.get(i) + "-" + names.get(j);
                }
            }
        }
        System.out.println("Floyd-Warshall agrees: " + (fw[names.indexOf("Amsterdam")][names.indexOf("Milan")] == dist.get("Milan"))
                + ", diameter " + diameter + " " + ends);
    }
}
