package org.waarom.api.element.service;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import jakarta.enterprise.context.ApplicationScoped;
import org.waarom.api.element.Content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares two contents: items by their stable key, field by field (including moves), and the
 * statement word by word with java-diff-utils. Pure logic, no database.
 */
@ApplicationScoped
public class DiffService {

    /** Words and the whitespace between them, so that the operations rebuild both texts exactly. */
    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    public VersionDiff diff(int fromNumber, Content from, int toNumber, Content to) {
        return new VersionDiff(fromNumber, toNumber, diffStatement(from.statement(), to.statement()), diffItems(from.items(), to.items()));
    }

    /** A word diff of two texts (null counts as empty): what the statement's diff is, for any text. */
    public VersionDiff.StatementDiff diffStatement(String from, String to) {
        List<String> oldTokens = tokens(from);
        List<String> newTokens = tokens(to);
        List<VersionDiff.Operation> ops = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(oldTokens, newTokens).getDeltas()) {
            int start = delta.getSource().getPosition();
            append(ops, "equal", oldTokens.subList(position, start));
            append(ops, "delete", delta.getSource().getLines());
            append(ops, "insert", delta.getTarget().getLines());
            position = start + delta.getSource().size();
        }
        append(ops, "equal", oldTokens.subList(position, oldTokens.size()));
        boolean changed = !Objects.equals(nullToEmpty(from), nullToEmpty(to));
        return new VersionDiff.StatementDiff(changed, ops);
    }

    VersionDiff.ItemsDiff diffItems(List<Content.Item> from, List<Content.Item> to) {
        Map<String, Integer> oldPositions = positions(from);
        Map<String, Integer> newPositions = positions(to);
        List<VersionDiff.ItemRef> added = to.stream()
                .filter(item -> !oldPositions.containsKey(item.key()))
                .map(item -> new VersionDiff.ItemRef(item.key(), item.title()))
                .toList();
        List<VersionDiff.ItemRef> removed = from.stream()
                .filter(item -> !newPositions.containsKey(item.key()))
                .map(item -> new VersionDiff.ItemRef(item.key(), item.title()))
                .toList();
        Set<String> moved = movedKeys(from, to, oldPositions, newPositions);
        List<VersionDiff.ItemChange> changed = new ArrayList<>();
        for (Content.Item newItem : to) {
            Integer oldPosition = oldPositions.get(newItem.key());
            if (oldPosition == null) {
                continue;
            }
            Content.Item oldItem = from.get(oldPosition);
            List<VersionDiff.FieldChange> fields = new ArrayList<>();
            if (!Objects.equals(oldItem.title(), newItem.title())) {
                fields.add(VersionDiff.FieldChange.of("title", oldItem.title(), newItem.title()));
            }
            if (!Objects.equals(oldItem.description(), newItem.description())) {
                fields.add(VersionDiff.FieldChange.of("description", oldItem.description(), newItem.description()));
            }
            if (!oldItem.behaviours().equals(newItem.behaviours())) {
                List<String> addedBehaviours = newItem.behaviours().stream().filter(b -> !oldItem.behaviours().contains(b)).toList();
                List<String> removedBehaviours = oldItem.behaviours().stream().filter(b -> !newItem.behaviours().contains(b)).toList();
                fields.add(new VersionDiff.FieldChange("behaviours", oldItem.behaviours(), newItem.behaviours(), addedBehaviours, removedBehaviours));
            }
            if (moved.contains(newItem.key())) {
                fields.add(VersionDiff.FieldChange.of("position", oldPosition, newPositions.get(newItem.key())));
            }
            if (!fields.isEmpty()) {
                changed.add(new VersionDiff.ItemChange(newItem.key(), fields));
            }
        }
        return new VersionDiff.ItemsDiff(added, removed, changed);
    }

    /**
     * Items that kept their key but changed their order relative to the other kept items. An item
     * that only shifted because another was added or removed has not moved. The longest common
     * subsequence of the kept keys stays in place; every other kept key moved.
     */
    private static Set<String> movedKeys(List<Content.Item> from, List<Content.Item> to,
                                         Map<String, Integer> oldPositions, Map<String, Integer> newPositions) {
        List<String> oldOrder = from.stream().map(Content.Item::key).filter(newPositions::containsKey).toList();
        List<String> newOrder = to.stream().map(Content.Item::key).filter(oldPositions::containsKey).toList();
        Set<String> moved = new HashSet<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(oldOrder, newOrder).getDeltas()) {
            moved.addAll(delta.getTarget().getLines());
        }
        return moved;
    }

    private static Map<String, Integer> positions(List<Content.Item> items) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            positions.put(items.get(i).key(), i);
        }
        return positions;
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(nullToEmpty(text));
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private static void append(List<VersionDiff.Operation> ops, String op, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        int last = ops.size() - 1;
        if (last >= 0 && ops.get(last).op().equals(op)) {
            ops.set(last, new VersionDiff.Operation(op, ops.get(last).text() + text));
        } else {
            ops.add(new VersionDiff.Operation(op, text));
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
