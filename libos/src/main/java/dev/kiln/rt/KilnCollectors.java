package dev.kiln.rt;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * Collectors.toMap(keyMapper, valueMapper) with the JDK's duplicate key message ("Duplicate key K
 * (attempted merging values A and B)"; TeaVM's says "Key K corresponds to values A and B"). The
 * builder's ApiAdditions makes TeaVM's toMap call this.
 */
public final class KilnCollectors {
    private KilnCollectors() {
    }

    public static <T, K, U> Collector<T, ?, Map<K, U>> toMap(Function<? super T, ? extends K> keyMapper,
            Function<? super T, ? extends U> valueMapper) {
        Objects.requireNonNull(keyMapper);
        Objects.requireNonNull(valueMapper);
        return Collector.<T, Map<K, U>>of(HashMap::new, (map, element) -> put(map, keyMapper.apply(element),
                Objects.requireNonNull(valueMapper.apply(element))), (left, right) -> {
                    for (Map.Entry<K, U> e : right.entrySet()) {
                        put(left, e.getKey(), Objects.requireNonNull(e.getValue()));
                    }
                    return left;
                }, Collector.Characteristics.IDENTITY_FINISH);
    }

    private static <K, U> void put(Map<K, U> map, K key, U value) {
        U old = map.putIfAbsent(key, value);
        if (old != null) {
            throw new IllegalStateException("Duplicate key " + key + " (attempted merging values " + old + " and "
                    + value + ")");
        }
    }
}
