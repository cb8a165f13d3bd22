package io.switchboard.core.transform;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Pattern;

import com.dashjoin.jsonata.Jsonata;

/**
 * Finds what a parsed JSONata expression must not contain: a regular expression (run by
 * {@code java.util.regex}, which backtracks: one {@code $match} can run for ever inside a
 * single call the time bound cannot interrupt) or {@code $eval} (which could build one at
 * run time). The library keeps its syntax tree in package-private fields, so this walks
 * them by reflection; an unexpected shape fails closed.
 */
final class RegexFree {

	private static final String SYMBOL = "com.dashjoin.jsonata.Parser$Symbol";

	private static final Class<?> SYMBOL_TYPE = symbolType();

	private RegexFree() {
	}

	/**
	 * What is forbidden in an expression, if anything.
	 * @param expression the parsed expression
	 * @return a sentence for people, or {@code null} when it is allowed
	 */
	static String problem(Jsonata expression) {
		try {
			Field ast = Jsonata.class.getDeclaredField("ast");
			ast.setAccessible(true);
			return walk(ast.get(expression));
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return "Switchboard could not check this expression (" + ex.getClass().getSimpleName() + ").";
		}
	}

	private static String walk(Object root) throws IllegalAccessException {
		Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<Object> pending = new ArrayDeque<>();
		push(pending, root);
		while (!pending.isEmpty()) {
			Object node = pending.pop();
			if (!seen.add(node)) {
				continue;
			}
			if (node instanceof Pattern) {
				return "Regular expressions (/…/) are not allowed in a transformation: use $contains, "
						+ "$substringBefore, $substringAfter or $split with text.";
			}
			if (node instanceof Iterable<?> items) {
				items.forEach((item) -> push(pending, item));
				continue;
			}
			if (node instanceof Object[] items) {
				for (Object item : items) {
					push(pending, item);
				}
				continue;
			}
			if (!SYMBOL_TYPE.isInstance(node)) {
				continue;
			}
			for (Class<?> type = node.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
				for (Field field : type.getDeclaredFields()) {
					if (Modifier.isStatic(field.getModifiers())) {
						continue;
					}
					field.setAccessible(true);
					Object value = field.get(node);
					if ("value".equals(field.getName()) && "eval".equals(value) && isVariable(node)) {
						return "$eval is not allowed in a transformation.";
					}
					push(pending, value);
				}
			}
		}
		return null;
	}

	private static Class<?> symbolType() {
		try {
			return Class.forName(SYMBOL, false, Jsonata.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("This JSONata library has no " + SYMBOL, ex);
		}
	}

	private static void push(Deque<Object> pending, Object node) {
		if (node != null) {
			pending.push(node);
		}
	}

	private static boolean isVariable(Object symbol) throws IllegalAccessException {
		try {
			Field type = SYMBOL_TYPE.getDeclaredField("type");
			type.setAccessible(true);
			return "variable".equals(type.get(symbol));
		}
		catch (NoSuchFieldException ex) {
			return true;
		}
	}

}
