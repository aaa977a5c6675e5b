package dev.kerasview.hdf5.writer;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes everything but the superblock at close: first the global heap collections with all
 * variable-length strings, then every object header, children before their parents so each
 * link can name its target's address. Returns the root group's header address.
 */
final class MetadataWriter {

    private MetadataWriter() {
    }

    static long write(GroupNode root, OutputFile file) throws IOException {
        List<Node> postOrder = postOrder(root);
        GlobalHeap heap = new GlobalHeap(file.end());
        Map<Node, List<HeaderMessage>> attributeMessages = new IdentityHashMap<>();
        for (Node node : postOrder) {
            List<HeaderMessage> messages = new ArrayList<>();
            for (Map.Entry<String, AttributeValue> attribute : node.attributes().values().entrySet()) {
                messages.add(AttributeMessage.encode(attribute.getKey(), attribute.getValue(), heap));
            }
            attributeMessages.put(node, messages);
        }
        for (byte[] collection : heap.collections()) {
            file.appendMetadata(collection);
        }
        Map<Node, Long> addresses = new IdentityHashMap<>();
        for (Node node : postOrder) {
            List<HeaderMessage> messages = new ArrayList<>();
            if (node instanceof GroupNode group) {
                messages.add(GroupMessages.linkInfo());
                messages.add(GroupMessages.groupInfo());
                for (Map.Entry<String, Node> child : group.children().entrySet()) {
                    messages.add(GroupMessages.hardLink(child.getKey(), addresses.get(child.getValue())));
                }
            } else {
                DatasetNode dataset = (DatasetNode) node;
                messages.add(new HeaderMessage(HeaderMessage.DATASPACE, 0, DataspaceMessage.encode(dataset.shape())));
                messages.add(new HeaderMessage(HeaderMessage.DATATYPE, HeaderMessage.CONSTANT,
                        DatatypeMessage.numeric(dataset.type())));
                messages.add(DatasetMessages.fillValue());
                messages.add(DatasetMessages.contiguousLayout(dataset.address(), dataset.size()));
            }
            List<HeaderMessage> attributes = attributeMessages.remove(node);
            if (!attributes.isEmpty()) {
                messages.add(AttributeMessage.info());
                messages.addAll(attributes);
            }
            addresses.put(node, file.appendMetadata(ObjectHeader.encode(messages)));
        }
        file.flushMetadata();
        return addresses.get(root);
    }

    /** Children before parents, without recursion (nesting depth is unbounded). */
    private static List<Node> postOrder(GroupNode root) {
        List<Node> order = new ArrayList<>();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            order.add(node);
            if (node instanceof GroupNode group) {
                for (Node child : group.children().values()) {
                    stack.push(child);
                }
            }
        }
        // "parent before children" reversed is "children before parent"
        Collections.reverse(order);
        return order;
    }
}
