import java.util.*;
import java.util.stream.*;

public class ProgWordFreq {
    static final String TEXT = """
            It was the best of times, it was the worst of times, it was the age of wisdom,
            it was the age of foolishness, it was the epoch of belief, it was the epoch of
            incredulity, it was the season of Light, it was the season of Darkness, it was
            the spring of hope, it was the winter of despair, we had everything before us,
            we had nothing before us, we were all going direct to Heaven, we were all going
            direct the other way -- in short, the period was so far like the present period,
            that some of its noisiest authorities insisted on its being received, for good
            or for evil, in the superlative degree of comparison only.
            """;

    public static void main(String[] args) {
        String[] words = TEXT.toLowerCase().split("[^a-z']+");
        List<String> list = Arrays.stream(words).filter(w -> !w.isEmpty()).toList();
        System.out.println("words " + list.size() + ", distinct " + new HashSet<>(list).size() + ", lines " + TEXT.lines().count()
                + ", chars " + TEXT.length());
        Map<String, Integer> freq = new HashMap<>();
        for (String w : list) {
            freq.merge(w, 1, Integer::sum);
        }
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(freq.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        for (int i = 0; i < 12; i++) {
            Map.Entry<String, Integer> e = entries.get(i);
            System.out.printf("%2d. %-10s %3d %s%n", i + 1, e.getKey(), e.getValue(), "*".repeat(e.getValue()));
        }
        System.out.println(new TreeMap<>(freq));
        Map<Integer, List<String>> byLength = list.stream().distinct().collect(Collectors.groupingBy(String::length, TreeMap::new,
                Collectors.collectingAndThen(Collectors.toList(), l -> l.stream().sorted().toList())));
        byLength.forEach((len, ws) -> System.out.println(len + ": " + ws));
        Map<Character, Long> initials = list.stream().collect(Collectors.groupingBy(w -> w.charAt(0), TreeMap::new, Collectors.counting()));
        System.out.println(initials);
        String longest = list.stream().max(Comparator.comparingInt(String::length).thenComparing(Comparator.reverseOrder())).orElseThrow();
        System.out.println("longest " + longest + ", average length " + String.format("%.3f", list.stream().mapToInt(String::length).average().orElse(0)));
        Map<String, Integer> bigrams = new TreeMap<>();
        for (int i = 0; i + 1 < list.size(); i++) {
            bigrams.merge(list.get(i) + " " + list.get(i + 1), 1, Integer::sum);
        }
        System.out.println(bigrams.entrySet().stream().filter(e -> e.getValue() > 2).map(Map.Entry::toString).collect(Collectors.joining(", ")));
        LinkedHashMap<String, Integer> firstSeen = new LinkedHashMap<>();
        for (String w : list) {
            firstSeen.putIfAbsent(w, firstSeen.size());
        }
        System.out.println(String.join(" ", firstSeen.keySet()).substring(0, 80));
        int[] letters = new int[26];
        TEXT.toLowerCase().chars().filter(Character::isLetter).forEach(c -> letters[c - 'a']++);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 26; i++) {
            sb.append((char) ('a' + i)).append(letters[i]).append(i % 13 == 12 ? "\n" : " ");
        }
        System.out.print(sb);
    }
}
