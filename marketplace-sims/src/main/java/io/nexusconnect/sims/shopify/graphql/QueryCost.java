package io.nexusconnect.sims.shopify.graphql;

import graphql.language.Field;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

import java.util.List;
import java.util.Map;

/**
 * Calculated query cost after https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits: scalars and enums
 * cost 0, an object 1, a connection 2 plus, per requested item ({@code first}), the cost of one item's selection;
 * a mutation 10. The requested cost is computed from the query before it runs; the actual cost walks the answer with
 * the items really returned (the bucket is refunded the difference).
 */
public final class QueryCost {
    public static final int MUTATION_COST = 10;

    private final GraphQLSchema schema;

    public QueryCost(GraphQLSchema schema) {
        this.schema = schema;
    }

    public int requested(OperationDefinition op, Map<String, Object> variables) {
        return cost(op, variables, null);
    }

    public int actual(OperationDefinition op, Map<String, Object> variables, Map<String, Object> data) {
        return cost(op, variables, data == null ? Map.of() : data);
    }

    private int cost(OperationDefinition op, Map<String, Object> variables, Map<String, Object> data) {
        if (op.getOperation() == OperationDefinition.Operation.MUTATION) {
            return MUTATION_COST * op.getSelectionSet().getSelectionsOfType(Field.class).size();
        }
        return selection(op.getSelectionSet(), schema.getQueryType(), data, variables, data != null);
    }

    private int selection(SelectionSet set, GraphQLFieldsContainer type, Object data, Map<String, Object> vars,
                          boolean actual) {
        if (set == null) {
            return 0;
        }
        int total = 0;
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field f) {
                total += field(f, type, actual ? value(data, f) : null, vars, actual);
            }
        }
        return total;
    }

    private int field(Field f, GraphQLFieldsContainer parent, Object data, Map<String, Object> vars, boolean actual) {
        if (f.getName().startsWith("__")) {
            return 0;
        }
        GraphQLFieldDefinition def = parent.getFieldDefinition(f.getName());
        if (def == null) {
            return 0;
        }
        GraphQLType type = GraphQLTypeUtil.unwrapAll(def.getType());
        if (!(type instanceof GraphQLFieldsContainer container)) {
            return 0;
        }
        if (actual && data == null) {
            return 0;
        }
        if (container.getName().endsWith("Connection")) {
            return 2 + connection(f, container, data, vars, actual);
        }
        if (actual && data instanceof List<?> list) {
            int sum = 0;
            for (Object item : list) {
                sum += 1 + selection(f.getSelectionSet(), container, item, vars, true);
            }
            return Math.min(sum, 1 + selection(f.getSelectionSet(), container, null, vars, false));
        }
        return 1 + selection(f.getSelectionSet(), container, data, vars, actual);
    }

    private int connection(Field f, GraphQLFieldsContainer conn, Object data, Map<String, Object> vars,
                           boolean actual) {
        int requestedItems = intArgument(f, "first", vars);
        if (requestedItems == 0) {
            requestedItems = intArgument(f, "last", vars);
        }
        int total = 0;
        for (Selection<?> s : f.getSelectionSet() == null ? List.<Selection>of() : f.getSelectionSet().getSelections()) {
            if (!(s instanceof Field sub) || !(sub.getName().equals("nodes") || sub.getName().equals("edges"))) {
                continue;
            }
            GraphQLFieldsContainer itemType = (GraphQLFieldsContainer) GraphQLTypeUtil.unwrapAll(
                    conn.getFieldDefinition(sub.getName()).getType());
            boolean edges = sub.getName().equals("edges");
            if (actual) {
                Object list = value(data, sub);
                if (list instanceof List<?> items) {
                    for (Object item : items) {
                        total += item(sub, itemType, item, edges, vars, true);
                    }
                }
            } else {
                total += requestedItems * item(sub, itemType, null, edges, vars, false);
            }
        }
        return total;
    }

    private int item(Field sub, GraphQLFieldsContainer itemType, Object item, boolean edge, Map<String, Object> vars,
                     boolean actual) {
        if (!edge) {
            return 1 + selection(sub.getSelectionSet(), itemType, item, vars, actual);
        }
        int cost = 0;
        for (Selection<?> s : sub.getSelectionSet().getSelections()) {
            if (s instanceof Field node && node.getName().equals("node")) {
                GraphQLFieldsContainer nodeType = (GraphQLFieldsContainer) GraphQLTypeUtil.unwrapAll(
                        itemType.getFieldDefinition("node").getType());
                cost += 1 + selection(node.getSelectionSet(), nodeType, actual ? value(item, node) : null, vars,
                        actual);
            }
        }
        return cost;
    }

    private static Object value(Object data, Field f) {
        if (data instanceof Map<?, ?> map) {
            return map.get(f.getResultKey());
        }
        return null;
    }

    private static int intArgument(Field f, String name, Map<String, Object> vars) {
        var arg = f.getArguments().stream().filter(a -> a.getName().equals(name)).findFirst();
        if (arg.isEmpty()) {
            return 0;
        }
        Value<?> v = arg.get().getValue();
        if (v instanceof IntValue i) {
            return i.getValue().intValue();
        }
        if (v instanceof VariableReference ref && vars.get(ref.getName()) instanceof Number n) {
            return n.intValue();
        }
        return 0;
    }
}
