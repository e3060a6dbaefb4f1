package org.openpeering.prefix;

import java.util.List;
import java.util.function.Function;

/** One page of a list, and the position after its last item (null on the last page), to encode as a page token. */
public record Page<T>(List<T> items, String nextPosition) {

    /**
     * The page from rows read with {@code limit size + 1}: the extra row only tells that more follow; the position
     * is that of the page's last item.
     */
    public static <T> Page<T> of(List<T> rows, int size, Function<T, String> position) {
        return rows.size() > size ? new Page<>(rows.subList(0, size), position.apply(rows.get(size - 1)))
                : new Page<>(rows, null);
    }
}
