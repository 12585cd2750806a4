package com.tenx.skills.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.tenx.skills.error.ContractException;
import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.FieldProblem;
import com.tenx.skills.error.InvalidInput;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads every JSON request body into the record that describes it, in the handler after
 * the path has been checked, as the order of checks wants:
 * <ol>
 * <li>{@code 415} for a body that is not {@code application/json}, {@code invalid_json}
 * for one that does not parse, {@code invalid_request} for one that is not an object (no
 * body at all reads as {@code {}});</li>
 * <li>Jackson binds each field of the record with strict types: a value of another JSON
 * type is never coerced (no number for a string, no string for a number, no fraction for
 * an integer, no single value for an array, no {@code null} inside an array), and no
 * string may hold what the database cannot store (NUL, an unpaired surrogate). Each field
 * is bound on its own, so every wrong field is found, not only the first;</li>
 * <li>Bean Validation checks the record's rules (its constraint annotations).</li>
 * </ol>
 * Every problem becomes one entry of {@code details}, named by its path in the body
 * ({@code tools[1].name}, {@code command[0]}). Its error code is the {@link RejectedAs}
 * of the constraint that found it, else of the innermost field or record around it, else
 * {@code invalid_request}. When the problems carry several codes, the answer is the code
 * of the first problem, in the order the record declares its fields, with every problem
 * of that code: so a record lists its fields in the order the contract checks them.
 * Unknown fields are ignored.
 */
@Component
public class JsonBodyReader {

    /** The message of a required field. */
    public static final String REQUIRED = "is required";

    /** The message of a list over its {@code @Size(max)}. */
    public static final String AT_MOST_ITEMS = "must have at most {max} items";

    /** The message of a string the database could not store. */
    public static final String UNSTORABLE = "must not contain NUL characters or unpaired surrogates";

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";

    private static final Pattern JSON_TYPE = Pattern.compile("(?i)[ \\t]*application/json(?:[ \\t]*;[ \\t]*" + TOKEN
            + "=(?:" + TOKEN + "|\"(?:[^\"\\\\]|\\\\.)*\"))*[ \\t]*");

    private final JsonMapper strict;

    private final Validator validator;

    private final ClassValue<Binding> bindings = new ClassValue<>() {
        @Override
        protected Binding computeValue(Class<?> type) {
            return Binding.of(type, strict);
        }
    };

    /**
     * {@code json} is the application's mapper, with its limits (nesting depth, duplicate
     * keys, trailing tokens); the reader makes a stricter copy.
     */
    public JsonBodyReader(JsonMapper json, Validator validator) {
        this.strict = json.rebuild()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .withCoercionConfig(LogicalType.Textual,
                    coercion -> coercion.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .changeDefaultNullHandling(nulls -> JsonSetter.Value.construct(Nulls.DEFAULT, Nulls.FAIL))
            .addModule(new SimpleModule("storable-strings").addDeserializer(String.class, new StorableStrings()))
            .build();
        this.validator = validator;
    }

    /** The body as a {@code type}, or the contract's 4xx naming every problem. */
    public <T extends Record> T read(byte[] body, String contentType, Class<T> type) {
        JsonNode tree = parse(body, contentType);
        if (!tree.isObject()) {
            throw new InvalidInput(ErrorCode.INVALID_REQUEST, "The request body must be a JSON object.");
        }
        List<Problem> problems = new ArrayList<>();
        T value = bind(tree, type, problems);
        // A field that could not be bound has no rules to break.
        List<String> unbound = problems.stream().map(Problem::field).toList();
        for (ConstraintViolation<T> violation : validator.validate(value)) {
            Problem problem = problem(type, segments(violation.getPropertyPath()), violation.getMessage(),
                    violation.getConstraintDescriptor()
                        .getAnnotation()
                        .annotationType()
                        .getAnnotation(RejectedAs.class));
            if (unbound.stream().noneMatch(field -> within(problem.field(), field))) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            throw rejection(problems);
        }
        return value;
    }

    private JsonNode parse(byte[] body, String contentType) {
        if (body == null || isBlank(body)) {
            return strict.createObjectNode();
        }
        if (!isJson(contentType)) {
            throw new ContractException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json.");
        }
        try {
            return strict.readTree(body);
        }
        catch (JacksonException e) {
            throw new ContractException(ErrorCode.INVALID_JSON, "The request body is not valid JSON.");
        }
    }

    /** What a value of {@code type} must be, in the words of a JSON client. */
    private static String expected(Type type) {
        Class<?> raw = rawClass(type);
        if (raw == String.class) {
            return "must be a string";
        }
        if (raw == Integer.class) {
            return "must be an integer";
        }
        if (raw == Boolean.class) {
            return "must be true or false";
        }
        if (raw.isEnum()) {
            return "must be one of " + Arrays.toString(raw.getEnumConstants());
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return "must be an array";
        }
        return "must be an object";
    }

    /** The record, each field bound on its own; a field Jackson refuses is a problem. */
    private <T extends Record> T bind(JsonNode tree, Class<T> type, List<Problem> problems) {
        Binding binding = bindings.get(type);
        Object[] values = new Object[binding.names().length];
        for (int i = 0; i < values.length; i++) {
            JsonNode node = tree.get(binding.names()[i]);
            if (node == null || node.isNull()) {
                continue;
            }
            try {
                values[i] = binding.readers()[i].readValue(node);
            }
            catch (JacksonException e) {
                List<Object> path = new ArrayList<>(List.of(binding.names()[i]));
                e.getPath()
                    .forEach(step -> path
                        .add(step.getPropertyName() != null ? step.getPropertyName() : step.getIndex()));
                problems.add(problem(type, path, UNSTORABLE.equals(e.getOriginalMessage()) ? UNSTORABLE : null, null));
            }
        }
        try {
            return type.cast(binding.constructor().newInstance(values));
        }
        catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot construct the body " + type.getName(), e);
        }
    }

    /** How to bind a record: its field names, a reader for each, its constructor. */
    private record Binding(String[] names, ObjectReader[] readers, Constructor<?> constructor) {

        static Binding of(Class<?> type, JsonMapper mapper) {
            RecordComponent[] fields = type.getRecordComponents();
            try {
                Constructor<?> constructor = type
                    .getDeclaredConstructor(Arrays.stream(fields).map(RecordComponent::getType).toArray(Class[]::new));
                constructor.setAccessible(true);
                return new Binding(Arrays.stream(fields).map(RecordComponent::getName).toArray(String[]::new),
                        Arrays.stream(fields)
                            .map(field -> mapper.readerFor(mapper.constructType(field.getGenericType())))
                            .toArray(ObjectReader[]::new),
                        constructor);
            }
            catch (NoSuchMethodException e) {
                throw new IllegalStateException("No canonical constructor in " + type.getName(), e);
            }
        }

    }

    private static boolean within(String field, String outer) {
        return field.equals(outer) || field.startsWith(outer + ".") || field.startsWith(outer + "[");
    }

    private static InvalidInput rejection(List<Problem> problems) {
        problems.sort((a, b) -> Arrays.compare(a.order(), b.order()));
        ErrorCode code = problems.get(0).code();
        List<FieldProblem> details = problems.stream()
            .filter(problem -> problem.code() == code)
            .map(problem -> new FieldProblem(problem.field(), problem.error()))
            .toList();
        FieldProblem first = details.get(0);
        return new InvalidInput(code, first.field() + " " + first.error()
                + (details.size() > 1 ? " (and " + (details.size() - 1) + " more)" : ""), details);
    }

    /** A violation's path as names and indexes, without Bean Validation's own nodes. */
    private static List<Object> segments(Path path) {
        List<Object> segments = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                segments.add(node.getIndex());
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT
                    && node.getKind() != ElementKind.BEAN) {
                segments.add(node.getName());
            }
        }
        return segments;
    }

    private static Class<?> rawClass(Type type) {
        return type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
                : type instanceof Class<?> plain ? plain : Object.class;
    }

    /**
     * {@code application/json} with well-formed parameters (RFC 9110's media-type
     * grammar), as the API description says: not a wildcard, not another {@code +json}
     * type whose rules this server does not follow, not an empty parameter.
     */
    private static boolean isJson(String contentType) {
        return contentType != null && JSON_TYPE.matcher(contentType).matches();
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /**
     * The problem at {@code path}, found by following it through the records from
     * {@code root}: its order (each step's field position or item index), its code (the
     * constraint's {@link RejectedAs}, else the innermost one on the way), and, for a
     * value that could not be bound ({@code error} null), what it must be.
     */
    private static Problem problem(Class<?> root, List<Object> path, String error, RejectedAs constraint) {
        ErrorCode code = codeOf(root.getAnnotation(RejectedAs.class), ErrorCode.INVALID_REQUEST);
        int[] order = new int[path.size()];
        StringBuilder field = new StringBuilder();
        Type type = root;
        for (int i = 0; i < path.size(); i++) {
            Class<?> raw = rawClass(type);
            if (path.get(i) instanceof Integer index) {
                order[i] = index;
                field.append('[').append(index).append(']');
                type = type instanceof ParameterizedType list && Collection.class.isAssignableFrom(raw)
                        ? list.getActualTypeArguments()[0] : Object.class;
            }
            else {
                String name = (String) path.get(i);
                field.append(field.isEmpty() ? "" : ".").append(name);
                List<RecordComponent> fields = raw.isRecord() ? List.of(raw.getRecordComponents()) : List.of();
                RecordComponent component = fields.stream()
                    .filter(f -> f.getName().equals(name))
                    .findFirst()
                    .orElse(null);
                order[i] = component == null ? 0 : fields.indexOf(component);
                type = component == null ? Object.class : component.getGenericType();
                code = component == null ? code : codeOf(component.getAnnotation(RejectedAs.class), code);
            }
            code = codeOf(rawClass(type).getAnnotation(RejectedAs.class), code);
        }
        return new Problem(field.toString(), order, constraint != null ? constraint.value() : code,
                error != null ? error : expected(type));
    }

    private static ErrorCode codeOf(RejectedAs rejected, ErrorCode outer) {
        return rejected != null ? rejected.value() : outer;
    }

    /**
     * One problem of a body: its field, its place in the order of checks, its code and
     * words.
     */
    private record Problem(String field, int[] order, ErrorCode code, String error) {
    }

    /** Strings as Jackson reads them, refused when the database could not store them. */
    private static final class StorableStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null && !StorableJson.Check.storable(value)) {
                return (String) context.reportInputMismatch(String.class, UNSTORABLE);
            }
            return value;
        }

    }

}
