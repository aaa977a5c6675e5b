package dev.kerasview.model;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The immutable sub-group list of an {@link H5Group}, indexed by key when it is long: readers
 * and the diagnoser look up every layer of a model by name, and a linear scan made that
 * quadratic (a 5,000-layer model spent seconds in lookups).
 */
final class GroupList extends AbstractList<H5Group> implements RandomAccess {

    private static final int INDEX_FROM = 16;

    private final H5Group[] groups;
    private final Map<String, H5Group> byKey;

    private GroupList(H5Group[] groups) {
        this.groups = groups;
        if (groups.length < INDEX_FROM) {
            byKey = null;
        } else {
            Map<String, H5Group> m = new HashMap<>(groups.length * 2);
            for (H5Group g : groups) {
                m.putIfAbsent(g.key(), g);   // first wins, like the scan it replaces
            }
            byKey = m;
        }
    }

    /** An immutable copy of {@code groups} (no nulls), indexed when long. */
    static GroupList of(List<H5Group> groups) {
        if (groups instanceof GroupList g) {
            return g;
        }
        H5Group[] a = groups.toArray(new H5Group[0]);
        for (H5Group g : a) {
            if (g == null) {
                throw new NullPointerException("null sub-group");
            }
        }
        return new GroupList(a);
    }

    /** The sub-group whose key is {@code key}, or null. */
    H5Group byKey(String key) {
        if (byKey != null) {
            return byKey.get(key);
        }
        for (H5Group g : groups) {
            if (g.key().equals(key)) {
                return g;
            }
        }
        return null;
    }

    @Override
    public H5Group get(int index) {
        return groups[index];
    }

    @Override
    public int size() {
        return groups.length;
    }
}
